-- A token carries a subset of its user's rights, never more: only the permission sets it names
-- (a comma-separated list of set names; NULL: whatever the user holds, now and later) and, when
-- read_only, no request that writes.
ALTER TABLE api_token
    ADD COLUMN permission_sets text,
    ADD COLUMN read_only boolean NOT NULL DEFAULT false;
