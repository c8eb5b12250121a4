package io.relata.platform.automation.script.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The script runner: a JVM of its own that the platform starts ({@code ScriptRunners}) to run
 * admins' JavaScript on GraalJS, so that a script that exhausts the memory takes down this process
 * (its heap capped, exit on the first out-of-memory error) and never the server. It speaks JSON
 * lines: runs come in on standard input, each on a worker thread in a fresh context of one shared
 * engine ({@link ScriptRun}); host calls go out on standard output and their answers come back in.
 * A check of a script's syntax comes in the same way and is answered without running it. Standard
 * error is the runner's log. Imports only GraalJS and Jackson.
 */
public final class ScriptRunnerMain {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Replies to host calls, by run, for the run's worker to take. */
  private final Map<Long, LinkedBlockingQueue<JsonNode>> replies = new ConcurrentHashMap<>();

  private final PrintStream out;
  private final Engine engine;
  private final ExecutorService workers;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(named("watchdog", 0));

  private ScriptRunnerMain(PrintStream out, int threads) {
    this.out = out;
    this.engine =
        Engine.newBuilder("js")
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .option("engine.WarnInterpreterOnly", "false")
            .build();
    // deep recursion is the script's RangeError, not this thread's end: room for the interpreter
    this.workers = Executors.newFixedThreadPool(threads, named("script", 64L << 20));
  }

  public static void main(String[] args) throws IOException {
    // the protocol owns standard output: nothing else may write there
    PrintStream protocol = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    new ScriptRunnerMain(protocol, threads).serve();
  }

  private void serve() throws IOException {
    ScriptRun.warm(engine);
    send(JSON.createObjectNode().put("op", "ready"));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode message = JSON.readTree(line);
      long run = message.path("run").asLong();
      switch (message.path("op").asText()) {
        case "run" -> {
          LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
          replies.put(run, queue);
          workers.execute(
              () -> {
                try {
                  send(new ScriptRun(engine, watchdog, message, this::send, queue).run());
                } finally {
                  replies.remove(run);
                }
              });
        }
        case "check" -> workers.execute(() -> send(ScriptRun.check(engine, message)));
        case "reply" -> {
          LinkedBlockingQueue<JsonNode> queue = replies.get(run);
          if (queue != null) {
            queue.add(message);
          }
        }
        default -> System.err.println("script runner: unknown message " + line);
      }
    }
    // the platform closed our input: it is gone or stopping
    System.exit(0);
  }

  /** Writes one message as one line; lines of several workers never interleave. */
  synchronized void send(ObjectNode message) {
    out.println(message.toString());
    out.flush();
  }

  private static ThreadFactory named(String name, long stack) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(null, task, name + "-" + count.incrementAndGet(), stack);
      thread.setDaemon(true);
      return thread;
    };
  }
}
