-- Webhooks' secrets, kept by the platform and not in the metadata: documents are shown, exported
-- and shipped in plugins, a secret must not be. Made when a webhook is first called or when an
-- admin asks for a new one.
CREATE TABLE webhook_secret (
    webhook    text        PRIMARY KEY,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- The delivery log: each attempt at a webhook call (a job of kind webhook), written in the job's
-- transaction however the attempt ended, and gone with its job when finished jobs are purged.
CREATE TABLE webhook_delivery (
    id         uuid        PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    webhook    text        NOT NULL,
    attempt    integer     NOT NULL,
    at         timestamptz NOT NULL,
    url        text        NOT NULL,
    event      text        NOT NULL,
    status     integer,
    error      text,
    response   text,
    millis     integer     NOT NULL
);
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook, at DESC, id DESC);
CREATE INDEX webhook_delivery_job_idx ON webhook_delivery (job_id);
