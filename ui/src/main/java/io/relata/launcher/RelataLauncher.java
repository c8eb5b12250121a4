package io.relata.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar relata.jar}: embedded or external PostgreSQL, then Payara Micro with Relata.
 * Configuration comes from environment variables (see the README's configuration table).
 */
public final class RelataLauncher {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private RelataLauncher() {}

  public static void main(String[] args) {
    Logger.getLogger("io.zonky").setLevel(Level.WARNING);
    try {
      System.exit(run(LauncherSettings.from(System.getenv())));
    } catch (LaunchException e) {
      System.err.println("Relata cannot start: " + e.getMessage());
      System.exit(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  private static int run(LauncherSettings settings) throws InterruptedException {
    long started = System.nanoTime();
    Path runtime = RuntimeFiles.unpack(settings.runtimeDir());
    Optional<EmbeddedDatabase> database =
        settings.externalDatabase().isPresent()
            ? Optional.empty()
            : Optional.of(
                EmbeddedDatabase.start(
                    settings.databaseDir(), settings.dataDir().resolve("pgbin")));
    Map<String, String> databaseSettings =
        database
            .map(
                db ->
                    Map.of(
                        "relata.db.url",
                        db.jdbcUrl(),
                        "relata.db.user",
                        EmbeddedDatabase.USER,
                        "relata.db.password",
                        EmbeddedDatabase.PASSWORD))
            .orElse(Map.of());
    database.ifPresent(
        db ->
            System.out.println(
                "Relata: embedded PostgreSQL on localhost:"
                    + db.port()
                    + ", data in "
                    + settings.databaseDir()));

    ServerProcess server =
        ServerProcess.start(
            runtime, settings.dataDir().resolve("tmp"), settings.port(), databaseSettings);
    Thread stopper = new Thread(() -> shutDown(server, database), "relata-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);

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
  private static void shutDown(ServerProcess server, Optional<EmbeddedDatabase> database) {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      database.ifPresent(RelataLauncher::closeQuietly);
      System.out.println("Relata stopped.");
    }
  }

  private static void closeQuietly(EmbeddedDatabase database) {
    try {
      database.close();
    } catch (Exception e) {
      System.err.println("Relata: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
