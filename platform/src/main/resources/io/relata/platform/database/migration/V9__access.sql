-- The authorization model (roles, permission sets, sharing rules) is metadata: each revision keeps
-- its documents next to the objects they refer to.
ALTER TABLE metadata_revision ADD COLUMN access jsonb NOT NULL DEFAULT '{}';

-- Who holds what is data: a user's role, groups, permission set assignments and record shares.
-- Roles and permission sets are named by the metadata; a name the current revision no longer
-- defines grants nothing.
ALTER TABLE app_user ADD COLUMN role text;
CREATE INDEX app_user_role_idx ON app_user (role);

CREATE TABLE user_group (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    label       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT user_group_name_key UNIQUE (name),
    CONSTRAINT user_group_name_format CHECK (name ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND char_length(name) <= 63)
);

CREATE TABLE group_member (
    group_id uuid NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_member_user_idx ON group_member (user_id, group_id);

CREATE TABLE permission_set_assignment (
    permission_set text NOT NULL,
    user_id        uuid REFERENCES app_user (id) ON DELETE CASCADE,
    group_id       uuid REFERENCES user_group (id) ON DELETE CASCADE,
    CONSTRAINT permission_set_assignment_one_holder CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX permission_set_assignment_user_key
    ON permission_set_assignment (user_id, permission_set) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX permission_set_assignment_group_key
    ON permission_set_assignment (group_id, permission_set) WHERE group_id IS NOT NULL;

-- Records shared by hand or as a team, with a user or a group. One table for every object: the
-- record predicate looks it up by (object, holder) and joins on record_id.
CREATE TABLE record_share (
    object     text        NOT NULL,
    record_id  uuid        NOT NULL,
    user_id    uuid        REFERENCES app_user (id) ON DELETE CASCADE,
    group_id   uuid        REFERENCES user_group (id) ON DELETE CASCADE,
    access     text        NOT NULL,
    reason     text        NOT NULL,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT record_share_one_holder CHECK ((user_id IS NULL) <> (group_id IS NULL)),
    CONSTRAINT record_share_access CHECK (access IN ('read', 'read-write')),
    CONSTRAINT record_share_reason CHECK (reason IN ('manual', 'team'))
);
CREATE UNIQUE INDEX record_share_user_key
    ON record_share (object, user_id, record_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX record_share_group_key
    ON record_share (object, group_id, record_id) WHERE group_id IS NOT NULL;
CREATE INDEX record_share_record_idx ON record_share (object, record_id);

-- Before this migration every user could do everything; they keep that, so that no installation
-- loses its administrator. New users get only what they are given.
INSERT INTO permission_set_assignment (permission_set, user_id)
SELECT 'administrator', id FROM app_user;
