-- Approval requests: a record that asked to enter a stage an approval process guards, the step
-- deciding now, and how it ended. At most one pending request per record: it locks the record.
CREATE TABLE approval_request (
    id           uuid        PRIMARY KEY,
    process      text        NOT NULL,
    object       text        NOT NULL,
    record_id    uuid        NOT NULL,
    stage        text        NOT NULL,
    from_stage   text,
    step         integer     NOT NULL CHECK (step > 0),
    state        text        NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'recalled')),
    submitted_by uuid        NOT NULL REFERENCES app_user (id),
    submitted_at timestamptz NOT NULL,
    decided_at   timestamptz
);
CREATE UNIQUE INDEX approval_request_pending_idx ON approval_request (object, record_id)
    WHERE state = 'pending';
CREATE INDEX approval_request_record_idx ON approval_request (object, record_id, submitted_at DESC);
CREATE INDEX approval_request_state_idx ON approval_request (state, submitted_at DESC, id DESC);

-- Each decision on a request, with the approver's comment.
CREATE TABLE approval_decision (
    id         uuid        PRIMARY KEY,
    -- the order decisions were made in, also when the clock says they were made at once
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    request_id uuid        NOT NULL REFERENCES approval_request (id) ON DELETE CASCADE,
    step       integer     NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    decision   text        NOT NULL CHECK (decision IN ('approved', 'rejected', 'recalled')),
    comment    text,
    at         timestamptz NOT NULL
);
CREATE INDEX approval_decision_request_idx ON approval_decision (request_id, seq);
