-- Users who sign in to screens and to the API, and the API tokens issued to them.
-- Usernames are stored in lower case, so that "Admin" and "admin" are one account.

CREATE TABLE app_user (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    CONSTRAINT app_user_username_key UNIQUE (username),
    CONSTRAINT app_user_username_lower_case CHECK (username = lower(username)),
    CONSTRAINT app_user_username_length CHECK (char_length(username) BETWEEN 1 AND 100)
);

-- A token is shown once to its owner; only its SHA-256 digest is kept.
CREATE TABLE api_token (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT api_token_hash_key UNIQUE (token_hash),
    CONSTRAINT api_token_expiry_after_creation CHECK (expires_at > created_at)
);

CREATE INDEX api_token_user_idx ON api_token (user_id);
