-- The tables of runtime-defined objects live in their own schema, apart from the fixed tables;
-- the schema migrator creates and alters them from metadata.
CREATE SCHEMA IF NOT EXISTS records;
