-- Every metadata change is a numbered, immutable revision holding the whole model after it.
-- Reverting to revision n writes a new revision with n's model: history is never rewritten.

CREATE TABLE metadata_revision (
    number      bigint      PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    author_id   uuid        NOT NULL REFERENCES app_user (id),
    comment     text        NOT NULL DEFAULT '',
    objects     jsonb       NOT NULL,
    renames     jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT metadata_revision_number_positive CHECK (number > 0),
    CONSTRAINT metadata_revision_objects_array CHECK (jsonb_typeof(objects) = 'array')
);
