-- One row per bulk operation (update, assign or delete many records): what it is and how far it
-- got. Each chunk of records and the job's counters are committed in one transaction.
CREATE TABLE bulk_job (
    id           uuid        PRIMARY KEY,
    object       text        NOT NULL,
    actor        uuid        NOT NULL REFERENCES app_user (id),
    action       text        NOT NULL CHECK (action IN ('update', 'assign', 'delete')),
    status       text        NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
    done         bigint      NOT NULL DEFAULT 0,
    succeeded    bigint      NOT NULL DEFAULT 0,
    failed       bigint      NOT NULL DEFAULT 0,
    errors       jsonb       NOT NULL DEFAULT '[]',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX bulk_job_actor_idx ON bulk_job (actor, created_at);
