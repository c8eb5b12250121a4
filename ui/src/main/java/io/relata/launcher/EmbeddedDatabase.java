package io.relata.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL, shipped as Maven artifacts (zonky), keeping its data in {@code <data>/pgdata}.
 * It listens on localhost only, on a free port chosen at each start; the first start runs initdb,
 * later starts reuse the data. zonky's initdb trusts local connections: the embedded database is
 * for one machine's evaluation and development, production points {@code RELATA_DB_URL} at a
 * PostgreSQL server with real authentication.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String USER = "postgres";
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
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new LaunchException(
          "Cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
