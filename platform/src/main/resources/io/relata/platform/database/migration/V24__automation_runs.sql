-- The run log: every automation run with what set it off, its record, its actions, the limits a
-- script used, how it ended and how long it took. Written after the run (a refused write's runs
-- too, so that an admin sees why), kept for relata.automation.runs.keep-days.
CREATE TABLE automation_run (
    id          uuid        PRIMARY KEY,
    at          timestamptz NOT NULL,
    automation  text        NOT NULL,
    trigger     text        NOT NULL,
    object      text        NOT NULL,
    record_id   uuid,
    actions     jsonb       NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('done', 'refused', 'failed')),
    reason      text,
    usage       jsonb,
    millis      integer     NOT NULL,
    chain       jsonb       NOT NULL
);
CREATE INDEX automation_run_at_idx ON automation_run (at DESC, id DESC);
CREATE INDEX automation_run_automation_idx ON automation_run (automation, at DESC, id DESC);
CREATE INDEX automation_run_record_idx ON automation_run (record_id, at DESC);
