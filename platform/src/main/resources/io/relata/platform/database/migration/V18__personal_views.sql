-- Each user's own list views of each object: columns, filter and sort as JSON, checked when saved
-- against what the user may see. They go with their user.
CREATE TABLE personal_view (
    owner_id   uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    object     text        NOT NULL,
    name       text        NOT NULL,
    document   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (owner_id, object, name)
);
