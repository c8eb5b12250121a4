package io.relata.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's output, passed on line by line to the launcher's own, and read on the way for the
 * two things the launcher acts on: Payara's "ready" line (which it prints even when the deployment
 * failed) and the first reason a deployment failed.
 */
final class ServerOutput {

  private static final Pattern PAYARA_READY = Pattern.compile("Payara Micro .* ready in ");

  /** The message of a deployment failure, as Payara logs it: {@code [[ text }. */
  private static final Pattern FAILURE =
      Pattern.compile(
          "(Exception while (?:loading|deploying) the app.*|Initialization failed for Singleton.*"
              + "|Relata cannot start.*)");

  private static final Pattern CAUSE = Pattern.compile("^Caused by: [\\w.$]+: (.+)$");

  private volatile Instant payaraReady;
  private volatile String failure;
  private volatile String cause;

  ServerOutput() {}

  /** Starts passing {@code output} on, on a daemon thread, until it ends. */
  static ServerOutput follow(InputStream output) {
    ServerOutput follower = new ServerOutput();
    Thread pump = new Thread(() -> follower.pump(output), "relata-server-output");
    pump.setDaemon(true);
    pump.start();
    return follower;
  }

  private void pump(InputStream output) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        System.out.println(line);
        read(line);
      }
    } catch (IOException ended) {
      // the server is gone; its exit code says the rest
    }
  }

  void read(String line) {
    if (payaraReady == null && PAYARA_READY.matcher(line).find()) {
      payaraReady = Instant.now();
    }
    Matcher failed = FAILURE.matcher(line);
    if (failure == null && failed.find()) {
      failure = failed.group(1).strip();
    }
    Matcher caused = CAUSE.matcher(line);
    if (caused.find()) {
      cause = caused.group(1).strip(); // the last cause in a chain is the root
    }
  }

  /** When Payara said it was ready, if it has. */
  Optional<Instant> payaraReady() {
    return Optional.ofNullable(payaraReady);
  }

  /**
   * Why the deployment failed, once the server reported a failure: the root cause it last printed
   * (which names the setting or the fault), else the failure itself.
   */
  Optional<String> failure() {
    if (failure == null) {
      return Optional.empty(); // a stack trace alone (a warning's) is no failed deployment
    }
    return Optional.of(cause != null ? cause : failure);
  }
}
