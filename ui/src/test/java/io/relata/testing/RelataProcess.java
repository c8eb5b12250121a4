package io.relata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar relata.jar} run as an operator would run it, with its own data folder and a free
 * port. The environment is built from scratch for the RELATA_* variables, so that the settings of
 * the Arquillian tests do not leak into it.
 */
public final class RelataProcess implements AutoCloseable {

  private final Process launcher;
  private final int port;
  private final Path log;

  private RelataProcess(Process launcher, int port, Path log) {
    this.launcher = launcher;
    this.port = port;
    this.log = log;
  }

  /** Starts relata.jar with {@code dataDir}, an embedded database, and {@code env} on top. */
  public static RelataProcess start(Path dataDir, Map<String, String> env) {
    int port = freePort();
    try {
      Files.createDirectories(dataDir);
      Path log = Files.createTempFile(dataDir.getParent(), "relata-", ".log");
      // A terminal's Ctrl-C must reach it even when this JVM was started with SIGINT ignored.
      List<String> command =
          new ArrayList<>(
              List.of(
                  "env",
                  "--default-signal=INT",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  System.getProperty("relata.jar", "target/relata.jar")));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(name -> name.startsWith("RELATA_"));
      environment.put("RELATA_DATA_DIR", dataDir.toString());
      environment.put("RELATA_PORT", Integer.toString(port));
      environment.putAll(env);
      return new RelataProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Everything the launcher and the server printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A connection to the embedded database as its superuser, for a test that breaks the database
   * under the server on purpose; the port is the one the launcher printed.
   */
  public java.sql.Connection superuserConnection() throws java.sql.SQLException {
    java.util.regex.Matcher port =
        java.util.regex.Pattern.compile("embedded PostgreSQL on localhost:(\\d+)")
            .matcher(output());
    if (!port.find()) {
      throw new IllegalStateException("this server does not run the embedded database");
    }
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port.group(1) + "/postgres", "postgres", "");
  }

  /**
   * Polls {@code /health/ready} until it reports the database UP, the process ends, or time runs
   * out.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    // HTTP/1.1 only. By default the client offers an upgrade to HTTP/2 (h2c) and then keeps
    // using that one connection. Once in CI, a poll that met the server mid-start never saw it
    // ready afterwards, probably for that reason.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && launcher.isAlive()) {
      try {
        // Health answers UP with no checks at all when the WAR failed to deploy
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      launcher.waitFor(500, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  /**
   * What a terminal does on Ctrl-C: SIGINT to the launcher and every process it started in the
   * foreground group (Payara Micro; PostgreSQL runs in a session of its own).
   */
  public void pressCtrlC() throws IOException, InterruptedException {
    List<String> pids = new ArrayList<>();
    pids.add(Long.toString(launcherPid()));
    ProcessHandle.of(launcherPid())
        .ifPresent(
            h ->
                h.descendants()
                    .filter(d -> !isPostgres(d))
                    .forEach(d -> pids.add(Long.toString(d.pid()))));
    List<String> kill = new ArrayList<>(List.of("kill", "-INT"));
    kill.addAll(pids);
    new ProcessBuilder(kill).inheritIO().start().waitFor();
  }

  /**
   * Kills the application server with SIGKILL, as a crash would: no shutdown hook, no flush. The
   * launcher then stops the database and exits.
   */
  public void killServer() {
    List<ProcessHandle> servers =
        launcher
            .descendants()
            .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
            .toList();
    if (servers.isEmpty()) {
      throw new IllegalStateException("no server process to kill");
    }
    servers.forEach(ProcessHandle::destroyForcibly);
  }

  /** Waits for the launcher to end; its exit code, or empty (still running) after the timeout. */
  public Integer awaitExit(Duration timeout) throws InterruptedException {
    return launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? launcher.exitValue()
        : null;
  }

  /** The java process behind {@code env} (env execs it, so the pid is the same). */
  private long launcherPid() {
    return launcher.pid();
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  /** Every running process whose command line mentions {@code text}. */
  public static List<ProcessHandle> processesMentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
        .toList();
  }

  /** Stops it like a service manager would (SIGTERM), killing what is left after 90 s. */
  @Override
  public void close() {
    try {
      if (launcher.isAlive()) {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
          launcher.descendants().forEach(ProcessHandle::destroyForcibly);
          launcher.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var tree = Files.walk(root)) {
      for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
