package io.relata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded PostgreSQL that the Arquillian tests' Payara Micro connects to, once per test
 * run and before any test class, on the port the build reserved ({@code relata.it.db.port};
 * failsafe hands Payara the matching {@code RELATA_DB_URL}). Starts nothing when {@code
 * RELATA_TEST_DB_URL} names a server, or outside the integration tests. The superuser owns the
 * tables; the application connects as a role of its own, as it would in production.
 *
 * <p>Autovacuum is off: its analyses commit transactions of their own at any moment, which {@link
 * RefusedRequests} would take for a refused request that wrote. Tests that need fresh statistics or
 * a visibility map (the benchmarks) run {@code VACUUM ANALYZE} themselves.
 */
public class TestDatabase implements LauncherSessionListener {

  /**
   * The role the application runs as ({@code relata.it.db.user}); the superuser owns the tables.
   */
  static final String APPLICATION_ROLE = "relata_app";

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("relata.it.db.port");
    if (port == null || System.getenv("RELATA_TEST_DB_URL") != null) {
      return;
    }
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(Integer.parseInt(port))
              .setDataDirectory(
                  Path.of(System.getProperty("relata.test.work"), "arquillian-pgdata"))
              .setCleanDataDirectory(true)
              .setServerConfig("autovacuum", "off")
              .setLocaleConfig("locale", "C")
              .setLocaleConfig("locale-provider", "builtin")
              .setLocaleConfig("builtin-locale", "C.UTF-8")
              .start();
      try (Connection owner = postgres.getPostgresDatabase().getConnection();
          Statement statement = owner.createStatement()) {
        statement.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the application's role", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test database on port " + port, e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
