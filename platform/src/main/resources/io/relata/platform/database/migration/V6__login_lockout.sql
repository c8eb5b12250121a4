-- Failed password logins per username, known or not (PasswordLogin, LoginAttempts). Keyed by the
-- SHA-256 of the normalised username, so that a refusal does the same work whether or not the
-- user exists. Rows of names not tried for a while are removed (LoginAttemptCleanup).
CREATE TABLE login_failure (
    username_digest bytea       PRIMARY KEY,
    failures        integer     NOT NULL,
    locked_until    timestamptz,
    last_attempt_at timestamptz NOT NULL,
    CONSTRAINT login_failure_failures_not_negative CHECK (failures >= 0)
);

CREATE INDEX login_failure_last_idx ON login_failure (last_attempt_at);
