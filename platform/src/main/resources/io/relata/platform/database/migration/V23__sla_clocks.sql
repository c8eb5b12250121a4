-- Service-level clocks (sla-policies): one per policy and record, from the record's creation until
-- the policy's stop condition held, with the periods it stood still. The moment a target passes is
-- always computed from these and the calendar, never stored as the truth: a changed calendar or a
-- pause recorded gives the right answer at the next computation.
CREATE TABLE sla_clock (
    policy      text        NOT NULL,
    object      text        NOT NULL,
    record_id   uuid        NOT NULL,
    started_at  timestamptz NOT NULL,
    stopped_at  timestamptz,
    -- each runs its actions once per record
    warned_at   timestamptz,
    breached_at timestamptz,
    PRIMARY KEY (policy, record_id)
);

CREATE TABLE sla_pause (
    policy     text        NOT NULL,
    record_id  uuid        NOT NULL,
    paused_at  timestamptz NOT NULL,
    resumed_at timestamptz,
    PRIMARY KEY (policy, record_id, paused_at),
    FOREIGN KEY (policy, record_id) REFERENCES sla_clock (policy, record_id) ON DELETE CASCADE
);
