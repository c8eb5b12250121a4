-- The audit log (platform/docs/security-design.md, "Audit"). The writing transaction inserts an
-- entry, its field values and a pending mark; the sealer later gives committed entries their
-- positions in the hash chain (audit_seal) and removes the marks. Nothing here is ever updated.

CREATE TABLE audit_entry (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor_id  uuid,
    action    text        NOT NULL,
    object    text,
    record_id uuid,
    detail    jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_entry_record_idx ON audit_entry (object, record_id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, at);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

-- Field values, kept out of the hashed content so that an erasure can remove them while the
-- chain still verifies: the seal covers their salted digest, not the values.
CREATE TABLE audit_value (
    entry_id bigint NOT NULL REFERENCES audit_entry (id),
    field    text   NOT NULL,
    before   jsonb,
    after    jsonb,
    salt     bytea  NOT NULL,
    PRIMARY KEY (entry_id, field)
);

-- Committed entries not yet in the chain; only committed rows are visible to the sealer.
CREATE TABLE audit_pending (
    entry_id bigint PRIMARY KEY REFERENCES audit_entry (id)
);

CREATE TABLE audit_seal (
    position      bigint      PRIMARY KEY,
    entry_id      bigint      NOT NULL UNIQUE REFERENCES audit_entry (id),
    values_digest bytea,
    hash          bytea       NOT NULL,
    sealed_at     timestamptz NOT NULL,
    CONSTRAINT audit_seal_position_positive CHECK (position > 0)
);
