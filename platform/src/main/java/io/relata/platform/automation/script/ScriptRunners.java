package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.automation.script.runner.ScriptRunnerMain;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs scripts in the script runner, a JVM of its own ({@link ScriptRunnerMain}) with a capped heap
 * that exits on its first out-of-memory error: GraalJS community cannot cap a script's memory in
 * the server's process (README decision 59), so a memory bomb ends the runner and never the server.
 * The runner is started on first use and again after it ended; the runs in it when it ended fail as
 * {@code memory} (or {@code runner}). Runs are many at once, each a conversation of JSON lines: the
 * request, the host calls the script makes (answered here on the caller's thread, so in its
 * transaction), and the outcome.
 */
@ApplicationScoped
public class ScriptRunners {

  private static final Logger LOG = Logger.getLogger(ScriptRunners.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The runner's heap: a script's memory and the engine's, together. */
  static final String HEAP = System.getProperty("relata.scripts.heap", "256m");

  /** How long past its wall-clock limit a run waits for the runner before giving up on it. */
  private static final long GRACE_MILLIS = 3_000;

  /** How long a syntax check waits for the runner. */
  private static final long CHECK_MILLIS = 2_000;

  /** The exit code of a JVM that ended on {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY = 3;

  private final AtomicLong runs = new AtomicLong();
  private final Map<Long, BlockingQueue<JsonNode>> inboxes = new ConcurrentHashMap<>();
  private volatile Runner runner;
  private final java.util.concurrent.atomic.AtomicReference<CountDownLatch> starting =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** One runner process, its input, and the thread that reads its output. */
  private final class Runner {
    final Process process;
    final Writer input;
    final CountDownLatch ready = new CountDownLatch(1);

    /** The runs sent to this runner and not yet over: told when it ends. */
    final java.util.Set<Long> runs = ConcurrentHashMap.newKeySet();

    Runner(Process process) {
      this.process = process;
      this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, "script-runner-reader");
      reader.setDaemon(true);
      reader.start();
    }

    synchronized void send(JsonNode message) throws IOException {
      input.write(message.toString());
      input.write('\n');
      input.flush();
    }

    private void read() {
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          // a line that does not parse ends this runner: nothing it says after it can be trusted
          JsonNode message = JSON.readTree(line);
          if (message.path("op").asText().equals("ready")) {
            ready.countDown();
            continue;
          }
          BlockingQueue<JsonNode> inbox = inboxes.get(message.path("run").asLong());
          if (inbox != null) {
            inbox.add(message);
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "the script runner's output ended; it is stopped", e);
      }
      // a runner whose output this reader no longer reads must not live on: the next run starts
      // a new one, and the runs in this one fail now instead of waiting out their time. One that
      // is ending on its own (its output closes before it exits) is let end first, so that its
      // exit code says why: killed at once, a runner out of memory would look merely stopped. Its
      // output may end in a broken line as it dies, so the reader's way out does not say which.
      int exit = ended();
      String kind = exit == OUT_OF_MEMORY ? "memory" : "runner";
      LOG.warning(() -> "the script runner ended (exit " + exit + "); its runs fail as " + kind);
      ObjectNode gone = JSON.createObjectNode().put("op", "gone").put("kind", kind);
      for (Long run : runs) {
        BlockingQueue<JsonNode> inbox = inboxes.get(run);
        if (inbox != null) {
          inbox.add(gone);
        }
      }
      ready.countDown();
    }

    /** The runner's exit code: it is given two seconds to end on its own, then killed. */
    private int ended() {
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        return process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        return -1;
      }
    }
  }

  /**
   * Runs {@code request}, answering its calls with {@code host} on this thread; never throws for
   * what the script did, which is in the result.
   */
  public ScriptResult run(ScriptRequest request, ScriptHost host) {
    long id = runs.incrementAndGet();
    BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    inboxes.put(id, inbox);
    Counts counts = new Counts(request.limits());
    long started = System.nanoTime();
    Runner current = null;
    try {
      current = runner();
      current.runs.add(id);
      if (!current.process.isAlive()) {
        return failed(counts, started, "runner", "the script runner stopped");
      }
      ObjectNode message = JSON.createObjectNode().put("op", "run").put("run", id);
      message.put("name", request.name()).put("source", request.source());
      message.set("record", request.record());
      message
          .putObject("limits")
          .put("statements", request.limits().statements())
          .put("wallMillis", request.limits().wallClock().toMillis())
          .put("logBytes", request.limits().logBytes());
      current.send(message);
      long deadline =
          started + (request.limits().wallClock().toMillis() + GRACE_MILLIS) * 1_000_000;
      while (true) {
        JsonNode answer = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (answer == null) {
          return failed(counts, started, "time", "the script runner did not answer in time");
        }
        switch (answer.path("op").asText()) {
          case "call" -> current.send(counts.answer(id, answer, host));
          case "gone" -> {
            String kind = answer.path("kind").asText();
            return failed(
                counts,
                started,
                kind,
                kind.equals("memory")
                    ? "the script used more memory than a script may"
                    : "the script runner stopped");
          }
          default -> {
            return outcome(answer, counts, started);
          }
        }
      }
    } catch (IOException e) {
      return failed(counts, started, "runner", "the script runner cannot be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(counts, started, "runner", "interrupted");
    } finally {
      inboxes.remove(id);
      if (current != null) {
        current.runs.remove(id);
      }
    }
  }

  /** Where a script does not parse, and why, in the parser's words. */
  public record SyntaxError(Optional<Integer> line, String message) {}

  /**
   * Whether {@code source} parses as a script, without running it: empty when it does, or when no
   * runner is running yet (one is started in the background, {@link #prepare}) or it cannot say
   * within {@value #CHECK_MILLIS} ms (a test run and a live run still find it). Whoever types waits
   * for no runner to start.
   */
  public Optional<SyntaxError> check(String name, String source) {
    Runner current = runner;
    if (current == null || !current.process.isAlive()) {
      // a runner starting in the background is waited for as long as a check waits, no longer
      try {
        if (!prepare().await(CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
          return Optional.empty();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      current = runner;
      if (current == null || !current.process.isAlive()) {
        return Optional.empty();
      }
    }
    long id = runs.incrementAndGet();
    BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    inboxes.put(id, inbox);
    current.runs.add(id);
    try {
      ObjectNode message = JSON.createObjectNode().put("op", "check").put("run", id);
      message.put("name", name).put("source", source);
      current.send(message);
      JsonNode answer = inbox.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
      if (answer == null
          || !answer.path("op").asText().equals("checked")
          || !answer.has("message")) {
        return Optional.empty();
      }
      return Optional.of(
          new SyntaxError(
              answer.has("line") ? Optional.of(answer.get("line").asInt()) : Optional.empty(),
              answer.get("message").asText()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      inboxes.remove(id);
      current.runs.remove(id);
    }
  }

  /**
   * Starts a runner in the background when none runs, so that the checks of a script being typed
   * find one; the caller does not wait for it, unless it waits on the answer: counted down once a
   * runner runs (or could not be started).
   */
  public CountDownLatch prepare() {
    CountDownLatch started = new CountDownLatch(1);
    Runner current = runner;
    if (current != null && current.process.isAlive()) {
      started.countDown();
      return started;
    }
    CountDownLatch already = starting.get();
    if (already != null || !starting.compareAndSet(null, started)) {
      return already != null ? already : starting.get();
    }
    Thread starter =
        new Thread(
            () -> {
              try {
                runner();
              } catch (IOException e) {
                LOG.log(Level.WARNING, "the script runner could not be started", e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                starting.set(null);
                started.countDown();
              }
            },
            "script-runner-start");
    starter.setDaemon(true);
    starter.start();
    return started;
  }

  /** The result of the runner's last message; a limit the platform counted overrides its end. */
  private static ScriptResult outcome(JsonNode answer, Counts counts, long started) {
    Map<String, String> problems = new LinkedHashMap<>();
    answer
        .path("problems")
        .forEach(p -> problems.put(p.path("field").asText(), p.path("message").asText()));
    List<String> log = new ArrayList<>();
    answer.path("log").forEach(line -> log.add(line.asText()));
    ScriptUsage usage = counts.usage(started, answer.path("logBytes").asInt());
    Optional<ScriptResult.Failure> failure = counts.exceeded();
    if (failure.isEmpty() && answer.path("op").asText().equals("failed")) {
      failure =
          Optional.of(
              new ScriptResult.Failure(
                  answer.path("kind").asText("error"),
                  answer.path("message").asText(),
                  answer.has("line") ? Optional.of(answer.get("line").asInt()) : Optional.empty()));
    }
    Optional<ObjectNode> record =
        failure.isEmpty() && answer.path("record").isObject()
            ? Optional.of((ObjectNode) answer.get("record"))
            : Optional.empty();
    return new ScriptResult(record, problems, log, usage, failure);
  }

  private static ScriptResult failed(Counts counts, long started, String kind, String message) {
    return new ScriptResult(
        Optional.empty(),
        Map.of(),
        List.of(),
        counts.usage(started, 0),
        Optional.of(new ScriptResult.Failure(kind, message, Optional.empty())));
  }

  /** The running runner, started (and waited for) when there is none. */
  private synchronized Runner runner() throws IOException, InterruptedException {
    if (runner != null && runner.process.isAlive()) {
      return runner;
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
      // scripts yield the processor to the server's requests
      command.addAll(List.of("/usr/bin/nice", "-n", "10"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + HEAP,
            "-XX:+ExitOnOutOfMemoryError",
            // the VM's own messages ("Terminating due to java.lang.OutOfMemoryError") go to
            // stderr: stdout carries JSON lines only
            "-XX:+DisplayVMOutputToStderr",
            "-XX:+UseSerialGC",
            "-Dpolyglot.engine.WarnInterpreterOnly=false",
            "-cp",
            classPath(),
            ScriptRunnerMain.class.getName(),
            System.getProperty("relata.scripts.threads", "4")));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    // the server's environment holds its secrets (database and mail passwords): none for scripts
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(Set.of("PATH", "LANG", "LC_ALL", "TZ"));
    Process process = builder.start();
    Runner started = new Runner(process);
    if (!started.ready.await(2, TimeUnit.MINUTES) || !process.isAlive()) {
      process.destroyForcibly();
      throw new IOException("the script runner did not start");
    }
    runner = started;
    return runner;
  }

  /**
   * The runner's class path: this JVM's, when it holds GraalJS (tests); in the server, every jar
   * beside GraalJS's (the WAR's libraries) and the platform's classes.
   */
  static String classPath() {
    String own = System.getProperty("java.class.path", "");
    if (own.contains("polyglot")) {
      return own;
    }
    // a test JVM under Maven, whose own class path is one jar that names the others
    String tests = System.getProperty("surefire.test.class.path", "");
    if (tests.contains("polyglot")) {
      return tests;
    }
    Path polyglot = location(org.graalvm.polyglot.Context.class);
    List<String> entries = new ArrayList<>();
    entries.add(location(ScriptRunnerMain.class).toString());
    try (Stream<Path> jars = Files.list(polyglot.getParent())) {
      jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> entries.add(p.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The runner's process id, once it runs: for the benchmark's count of its processor time. */
  synchronized long runnerPid() throws IOException, InterruptedException {
    return runner().process.pid();
  }

  @PreDestroy
  public synchronized void stop() {
    if (runner != null) {
      runner.process.destroy();
    }
  }
}
