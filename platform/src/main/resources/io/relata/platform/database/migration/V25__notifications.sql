-- In-app notifications: what automations tell people, shown in the shell's bell. Written in the
-- transaction of the write that causes them, so they exist exactly when it does.
CREATE TABLE notification (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    object     text,
    record_id  uuid,
    read_at    timestamptz
);
CREATE INDEX notification_user_idx ON notification (user_id, at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
