package io.relata.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the WAR in a child JVM. Payara's own launcher handles its module
 * boot-strapping and {@code --add-opens} list; a child process also keeps the server's heap apart
 * from the launcher's.
 */
final class ServerProcess {

  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(500);

  /**
   * How long the application may take to answer ready after Payara says it is: it deploys before it
   * says so, so this is only the time the first health check takes.
   */
  private static final Duration AFTER_PAYARA_READY = Duration.ofSeconds(3);

  private final Process process;
  private final int port;
  private final ServerOutput output;

  private ServerProcess(Process process, int port, ServerOutput output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /**
   * Starts Payara Micro with the WAR at the root context.
   *
   * @param database the {@code RELATA_DB_*} settings of the embedded database, empty when the
   *     server reads them from the environment it inherits. They go into the child's environment,
   *     never onto its command line, which every local user can read ({@code ps}); a process's
   *     environment only its own user can.
   */
  static ServerProcess start(Path runtime, Path workDir, int port, Map<String, String> database) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + workDir);
    command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
    command.add("-jar");
    command.add(runtime.resolve(RuntimeFiles.PAYARA_MICRO).toString());
    command.add("--nocluster");
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--deploy");
    command.add(runtime.resolve(RuntimeFiles.WAR) + ":/");
    try {
      java.nio.file.Files.createDirectories(workDir);
      command.add("--postbootcommandfile");
      command.add(postBootCommands(workDir).toString());
      command.add("--logproperties");
      command.add(loggingProperties(workDir).toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectErrorStream(true);
      builder.environment().putAll(database);
      Process process = builder.start();
      return new ServerProcess(process, port, ServerOutput.follow(process.getInputStream()));
    } catch (IOException e) {
      throw new LaunchException("Cannot start Payara Micro: " + e.getMessage(), e);
    }
  }

  /**
   * Payara's own commands after its boot: its MicroProfile OpenAPI service off. Relata describes
   * its API itself ({@code /api/v1/openapi.json}, from the current metadata); Payara's would answer
   * an empty "Deployed Resources" document at {@code /openapi} beside it.
   */
  private static Path postBootCommands(Path workDir) throws IOException {
    Path file = workDir.resolve("post-boot.asadmin");
    java.nio.file.Files.writeString(file, "set-openapi-configuration --enabled=false\n");
    return file;
  }

  /** The server's logging: one line per event, no colour codes, Flyway's chatter left out. */
  private static Path loggingProperties(Path workDir) throws IOException {
    Path file = workDir.resolve("logging.properties");
    try (java.io.InputStream settings =
        ServerProcess.class.getResourceAsStream("logging.properties")) {
      java.nio.file.Files.write(file, settings.readAllBytes());
    }
    return file;
  }

  /**
   * Waits until the application answers its readiness check, which includes the database. Payara
   * says "ready" in its log even when the deployment failed, so the log is no signal.
   *
   * @return whether it became ready before {@code timeout}; false also when the server exited
   * @throws LaunchException when Payara says it is ready but the application is not: its deployment
   *     failed, and waiting longer would change nothing
   */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    // HTTP/1.1 only. By default the client offers an upgrade to HTTP/2 (h2c) and then keeps
    // using that one connection. Once in CI, a poll that met the server mid-start never saw it
    // ready afterwards, probably for that reason.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      // ended early only when a failure was logged: a slow first health check is no failure
      Optional<Instant> payaraReady = output.payaraReady();
      Optional<String> failure = output.failure();
      if (payaraReady.isPresent()
          && failure.isPresent()
          && Instant.now().isAfter(payaraReady.get().plus(AFTER_PAYARA_READY))) {
        throw new LaunchException("the application did not deploy: " + failure.get());
      }
      try {
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    return false;
  }

  /** Waits for the server to end on its own (for example on Ctrl-C); its exit code. */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the server to shut down (SIGTERM), and kills it if it has not after a grace period. */
  void stop() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
