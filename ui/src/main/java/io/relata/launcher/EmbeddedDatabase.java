package io.relata.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

  /**
   * How long a stop may take: zonky's own stop waits 5 s only, then leaves PostgreSQL finishing its
   * shutdown checkpoint, which after a big import on a slow disk takes longer.
   */
  static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
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
              // the same text order and case folding on every machine, whatever its locales:
              // code point order and Unicode's case mappings, as conditions in memory have them
              .setLocaleConfig("locale", "C")
              .setLocaleConfig("locale-provider", "builtin")
              .setLocaleConfig("builtin-locale", "C.UTF-8")
              .start();
      createApplicationRole(postgres);
      return new EmbeddedDatabase(postgres, dataDirectory);
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

  /**
   * Stops PostgreSQL and returns once its postmaster has exited, so that a next start on the same
   * data folder never meets the previous server still shutting down.
   */
  @Override
  public void close() throws IOException {
    Optional<ProcessHandle> postmaster = postmaster();
    postgres.close();
    if (postmaster.isEmpty()) {
      return;
    }
    try {
      postmaster.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "PostgreSQL still running " + STOP_TIMEOUT.toSeconds() + " s after its stop");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while PostgreSQL stopped", e);
    }
  }

  /** The running postmaster: the first line of {@code postmaster.pid} is its process id. */
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
