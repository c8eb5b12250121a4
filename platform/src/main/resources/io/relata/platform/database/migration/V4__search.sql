-- Full-text search folds case and accents, so that "asa" finds "Åsa" and "jorgen" finds "Jørgen".
-- unaccent is a trusted extension (PostgreSQL 13+): the owner of the database may create it.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA relata;

-- Generated search columns need an IMMUTABLE function; unaccent() with its dictionary named is
-- one in practice (the dictionary's rules do not change under a running database).
CREATE FUNCTION relata.search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(relata.unaccent('relata.unaccent'::regdictionary, value)) $$;
