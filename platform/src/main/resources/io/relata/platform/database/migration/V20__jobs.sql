-- Durable jobs: work that must happen once after a change committed (an automation's action, an
-- email, a webhook, a timer). A job is inserted in the transaction of the change that causes it,
-- so it exists exactly when the change does; a worker on any node claims a ready one with
-- FOR UPDATE SKIP LOCKED and runs it in the transaction that marks it done, so its own writes and
-- its completion commit together or not at all.
CREATE TABLE job (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    payload         jsonb       NOT NULL,
    -- the same key twice is one job: enqueuing it again does nothing
    idempotency_key text        UNIQUE,
    state           text        NOT NULL CHECK (state IN ('ready', 'done', 'dead', 'discarded')),
    run_at          timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    max_attempts    integer     NOT NULL CHECK (max_attempts > 0),
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    -- which node ran it last, for the admin's view and the logs
    ran_on          text
);
-- what the workers ask for: the ready jobs that are due, oldest first
CREATE INDEX job_ready_idx ON job (run_at, id) WHERE state = 'ready';
CREATE INDEX job_state_idx ON job (state, created_at);
