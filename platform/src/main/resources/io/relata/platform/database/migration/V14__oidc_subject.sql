-- Single sign-on binds a user to the provider's subject (its "sub" claim) at the first sign-on:
-- from then on the subject, not a name the provider may let people choose, says who signs in.
ALTER TABLE app_user
    ADD COLUMN oidc_issuer  text,
    ADD COLUMN oidc_subject text,
    ADD CONSTRAINT app_user_oidc_both CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX app_user_oidc_key ON app_user (oidc_issuer, oidc_subject)
    WHERE oidc_subject IS NOT NULL;
