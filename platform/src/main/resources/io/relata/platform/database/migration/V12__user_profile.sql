-- Users as people: how to reach them, what to call them, their language and time zone (screens,
-- relative dates in filters, emails and reminders use them) and their manager (approvals and
-- escalations go up this line).
ALTER TABLE app_user
    ADD COLUMN email        text,
    ADD COLUMN display_name text,
    ADD COLUMN locale       text NOT NULL DEFAULT 'en',
    ADD COLUMN time_zone    text NOT NULL DEFAULT 'UTC',
    ADD COLUMN manager_id   uuid REFERENCES app_user (id) ON DELETE SET NULL,
    ADD CONSTRAINT app_user_locale CHECK (locale IN ('en', 'sv', 'da', 'fi')),
    ADD CONSTRAINT app_user_email_length CHECK (char_length(email) <= 254),
    ADD CONSTRAINT app_user_display_name_length CHECK (char_length(display_name) <= 200),
    ADD CONSTRAINT app_user_not_own_manager CHECK (manager_id <> id);
CREATE INDEX app_user_manager_idx ON app_user (manager_id);
CREATE INDEX app_user_email_idx ON app_user (lower(email));
