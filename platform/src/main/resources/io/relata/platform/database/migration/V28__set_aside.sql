-- Fields and objects that metadata changes deleted, kept with their values until a revert or an
-- undelete brings them back or, 15 days on, a nightly job erases them (platform.setaside). A
-- field's values stay in its table under the column name stored_as; an object's table keeps its
-- name, which no new object may take meanwhile.
CREATE TABLE set_aside (
    object       text        NOT NULL,
    -- '' for the whole object
    field        text        NOT NULL DEFAULT '',
    -- the revision whose change deleted it
    revision     bigint      NOT NULL REFERENCES metadata_revision (number),
    -- the field's columns as kept (its value, and its currency where it has one of its own)
    stored_as    text[]      NOT NULL DEFAULT '{}',
    -- the field's, or the object's, document as it was before the change
    definition   jsonb       NOT NULL,
    -- the field's values, or the object's records, when set aside
    row_count    bigint      NOT NULL,
    set_aside_at timestamptz NOT NULL,
    PRIMARY KEY (object, field, revision)
);
CREATE INDEX set_aside_at_idx ON set_aside (set_aside_at);
