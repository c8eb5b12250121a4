/**
 * The connection to PostgreSQL and the schema of the platform's fixed tables. The data source is
 * defined here once ({@link io.relata.platform.database.DatabaseSchema}); its settings come from
 * MicroProfile Config (environment variables {@code RELATA_DB_URL}, {@code RELATA_DB_USER}, {@code
 * RELATA_DB_PASSWORD}, which the launcher puts in the server's environment for the embedded
 * database, never on its command line; or the matching {@code -Drelata.db.*} properties). Fixed
 * tables live in the schema {@code relata} and are migrated by Flyway at start-up, before anything
 * else touches them; runtime objects get tables of their own, outside that schema. Writes of many
 * rows use {@code COPY} in PostgreSQL's text format ({@link io.relata.platform.database.CopyText}),
 * run behind the caller on a {@link io.relata.platform.database.CopyPipeline} where it has more
 * rows to prepare meanwhile (an import).
 */
package io.relata.platform.database;
