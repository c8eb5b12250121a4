package io.relata.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL, shipped as Maven artifacts (zonky), keeping its data in {@code <data>/pgdata}.
 * It listens on localhost only, on a free port chosen at each start; the first start runs initdb,
 * later starts reuse the data. zonky's initdb trusts local connections: the embedded database is
 * for one machine's evaluation and development, production points {@code RELATA_DB_URL} at a
 * PostgreSQL server with real authentication.
 */
final class EmbeddedDatabase implements AutoCloseable {

  /** The superuser: it owns the tables and runs the migrations. */
  static final String USER = "postgres";

  /** The role the application runs as, which may only read and add to the audit log. */
  static final String APPLICATION_USER = "relata_app";

  static final String DATABASE = "postgres";

  /** Ignored by the trust authentication, but MicroProfile Config refuses an empty value. */
  static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDirectory, Path binariesDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      Files.createDirectories(binariesDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // the launcher stops the database itself, after the server (zonky's own hook would
              // race the server's shutdown)
              .setRegisterShutdownHook(false)
              .setOverrideWorkingDirectory(binariesDirectory.toFile())
              .setServerConfig("listen_addresses", "localhost")
              // zonky tunes for throw-away test databases (-F, no synchronous commit); this one
              // holds a CRM's data, so a committed transaction must survive a crash
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      createApplicationRole(postgres);
      return new EmbeddedDatabase(postgres);
    } catch (IOException | SQLException | RuntimeException e) {
      throw new LaunchException(
          "Cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /** The database's URL, without a user: the owner and the application connect as themselves. */
  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  /** Creates the application's role on the first start; the server grants it its rights. */
  private static void createApplicationRole(EmbeddedPostgres postgres) throws SQLException {
    try (Connection owner = postgres.getPostgresDatabase().getConnection();
        Statement statement = owner.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + APPLICATION_USER
              + "') THEN CREATE ROLE "
              + APPLICATION_USER
              + " LOGIN; END IF; END $$");
    }
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
