-- The platform's own user: who acts when no person's write set an automation off (a date that
-- came, a timer). Audit entries and created_by name it, and the timeline shows its name. It cannot
-- sign in: it is inactive, and its password hash (salt and hash random) matches no password. An
-- installation that already has a user of this name keeps its own; the platform's entries then
-- name an id without a user.
INSERT INTO app_user (id, username, password_hash, active, created_at)
SELECT '00000000-0000-0000-0000-000000000001',
       'relata',
       'PBKDF2WithHmacSHA512:210000:' || encode(sha256(random()::text::bytea), 'base64') || ':'
           || encode(sha256(random()::text::bytea), 'base64'),
       false,
       now()
WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = 'relata');
