-- One row per import: what it is, how far it got. A batch of records and the job's counters are
-- committed in one transaction, so rows_done is exactly what a crash cannot take back.
CREATE TABLE import_job (
    id           uuid        PRIMARY KEY,
    object       text        NOT NULL,
    actor        uuid        NOT NULL REFERENCES app_user (id),
    mode         text        NOT NULL CHECK (mode IN ('all-or-nothing', 'best-effort')),
    dry_run      boolean     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
    rows_done    bigint      NOT NULL DEFAULT 0,
    rows_checked bigint      NOT NULL DEFAULT 0,
    rows_written bigint      NOT NULL DEFAULT 0,
    rows_failed  bigint      NOT NULL DEFAULT 0,
    errors       jsonb       NOT NULL DEFAULT '[]',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
