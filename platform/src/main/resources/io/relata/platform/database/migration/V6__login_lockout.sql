-- Consecutive failed password logins, and the lock they lead to (PasswordLogin, LoginPolicy).
ALTER TABLE app_user
    ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until  timestamptz,
    ADD CONSTRAINT app_user_failed_logins_not_negative CHECK (failed_logins >= 0);
