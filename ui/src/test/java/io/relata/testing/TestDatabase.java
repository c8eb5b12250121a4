package io.relata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded PostgreSQL that the Arquillian tests' Payara Micro connects to, once per test
 * run and before any test class, on the port the build reserved ({@code relata.it.db.port};
 * failsafe hands Payara the matching {@code RELATA_DB_URL}). Starts nothing when {@code
 * RELATA_TEST_DB_URL} names a server, or outside the integration tests.
 */
public class TestDatabase implements LauncherSessionListener {

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
              .start();
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
