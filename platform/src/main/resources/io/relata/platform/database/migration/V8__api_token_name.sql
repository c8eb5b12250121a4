-- What a token is for, as its owner named it ("CI export", "Zapier"); shown when listing tokens.
ALTER TABLE api_token
    ADD COLUMN name text,
    ADD CONSTRAINT api_token_name_length CHECK (char_length(name) BETWEEN 1 AND 100);
