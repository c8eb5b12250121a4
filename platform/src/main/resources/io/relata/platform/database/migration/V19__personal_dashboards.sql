-- Each user's own dashboards, documents of the shape of shared ones, checked when saved against
-- what the user may see. They go with their user.
CREATE TABLE personal_dashboard (
    owner_id   uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    document   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (owner_id, name)
);
