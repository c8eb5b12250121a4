package io.relata.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar relata.jar}: embedded or external PostgreSQL, then Payara Micro with Relata.
 * Configuration comes from environment variables (see the README's configuration table).
 *
 * <p>One shutdown hook, registered before anything starts, stops what has started in reverse order
 * — the server, then the database — whether the launcher ends by Ctrl-C, SIGTERM or a failure
 * half-way through the start.
 */
public final class RelataLauncher {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  /** Held for the life of the process; the operating system releases it at exit. */
  private DataFolderLock lock;

  private volatile ServerProcess server;
  private volatile EmbeddedDatabase database;

  private RelataLauncher() {}

  public static void main(String[] args) {
    Logger.getLogger("io.zonky").setLevel(Level.WARNING);
    try {
      System.exit(new RelataLauncher().run(LauncherSettings.from(System.getenv())));
    } catch (LaunchException e) {
      System.err.println("Relata cannot start: " + e.getMessage());
      System.exit(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  private int run(LauncherSettings settings) throws InterruptedException {
    long started = System.nanoTime();
    lock = DataFolderLock.acquire(settings.dataDir());
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "relata-shutdown"));

    Path runtime = RuntimeFiles.unpack(settings.runtimeDir());
    Map<String, String> databaseSettings = Map.of();
    if (settings.externalDatabase().isEmpty()) {
      database =
          EmbeddedDatabase.start(settings.databaseDir(), settings.dataDir().resolve("pgbin"));
      databaseSettings =
          Map.of(
              "RELATA_DB_URL", database.jdbcUrl(),
              "RELATA_DB_USER", EmbeddedDatabase.APPLICATION_USER,
              "RELATA_DB_PASSWORD", EmbeddedDatabase.PASSWORD,
              "RELATA_DB_OWNER_USER", EmbeddedDatabase.USER,
              "RELATA_DB_OWNER_PASSWORD", EmbeddedDatabase.PASSWORD);
      System.out.println(
          "Relata: embedded PostgreSQL on localhost:"
              + database.port()
              + ", data in "
              + settings.databaseDir());
    }

    server =
        ServerProcess.start(
            runtime, settings.dataDir().resolve("tmp"), settings.port(), databaseSettings);
    if (server.awaitReady(READY_TIMEOUT)) {
      // the launcher only waits from here on: give back the heap that unpacking took
      System.gc();
      System.out.printf(
          "Relata is ready on http://localhost:%d (%.1f s)%n",
          settings.port(), (System.nanoTime() - started) / 1e9);
    } else if (server.isAlive()) {
      System.err.println(
          "Relata did not become ready within "
              + READY_TIMEOUT.toMinutes()
              + " minutes; see the log above.");
      return 1;
    }
    int exit = server.waitFor();
    return exit == 0 || exit == 130 || exit == 143 ? 0 : exit;
  }

  /** Server first, then the database it uses: the reverse of the start. */
  private void shutDown() {
    try {
      if (server != null) {
        server.stop();
        System.out.println("Relata: server stopped.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (database != null) {
        try {
          database.close();
          System.out.println("Relata: database stopped.");
        } catch (Exception e) {
          System.err.println(
              "Relata: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
      }
      System.out.println("Relata stopped.");
    }
  }
}
