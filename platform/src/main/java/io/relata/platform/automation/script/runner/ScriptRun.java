package io.relata.platform.automation.script.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/**
 * One script run in a fresh context of the shared engine: nothing a run leaves (a polluted
 * prototype, a global) is there for the next. The context is {@link SandboxPolicy#CONSTRAINED},
 * without {@code load}, {@code print}, {@code console} or the {@code Graal} and {@code Polyglot}
 * globals, and reaches the host only through the {@link Host} its prelude hides in a closure. The
 * record comes in as JSON and goes out as JSON; the statement limit and a wall-clock watchdog stop
 * it. Its answer is the run's last message: {@code done} or {@code failed} with the reason. A check
 * ({@link #check}) only parses a script and answers {@code checked}.
 */
final class ScriptRun {

  /** The API a script sees, over the one host object it never sees itself. */
  private static final Source PRELUDE =
      Source.newBuilder(
              "js",
              "(function (host) {\n"
                  + "  'use strict';\n"
                  + "  const call = (op, args) => {\n"
                  + "    const answer = JSON.parse(host.call(op, JSON.stringify(args)));\n"
                  + "    if (answer.error !== undefined) { throw new Error(answer.error); }\n"
                  + "    return answer.result;\n"
                  + "  };\n"
                  + "  const define = (name, value) => Object.defineProperty(globalThis, name,"
                  + " {value, writable: false, enumerable: false, configurable: false});\n"
                  + "  define('log', (...parts) => host.log(parts.map(String).join(' ')));\n"
                  + "  define('problem', (field, message) =>"
                  + " host.problem(String(field), String(message)));\n"
                  + "  define('query', (object, condition, limit) => call('query',"
                  + " [String(object), condition == null ? null : String(condition),"
                  + " limit == null ? 100 : Number(limit)]));\n"
                  + "  define('create', (object, values) => call('create',"
                  + " [String(object), values == null ? {} : values]));\n"
                  + "})",
              "relata-prelude.js")
          .cached(true)
          .buildLiteral();

  private static final Source READ =
      Source.newBuilder(
              "js", "(json) => { globalThis.record = JSON.parse(json); }", "relata-read.js")
          .cached(true)
          .buildLiteral();

  private static final Source WRITE =
      Source.newBuilder(
              "js",
              "() => JSON.stringify(globalThis.record === undefined ? null : globalThis.record)",
              "relata-write.js")
          .cached(true)
          .buildLiteral();

  /** The most characters of JSON a script's record may come back as. */
  private static final int MAX_RECORD = 1_000_000;

  /** Scripts by name and text, parsed once by the shared engine. */
  private static final Map<String, Source> SOURCES =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
              return size() > 500;
            }
          });

  private final Engine engine;
  private final ScheduledExecutorService watchdog;
  private final JsonNode request;
  private final Consumer<ObjectNode> send;
  private final BlockingQueue<JsonNode> replies;
  private volatile boolean timedOut;

  ScriptRun(
      Engine engine,
      ScheduledExecutorService watchdog,
      JsonNode request,
      Consumer<ObjectNode> send,
      BlockingQueue<JsonNode> replies) {
    this.engine = engine;
    this.watchdog = watchdog;
    this.request = request;
    this.send = send;
    this.replies = replies;
  }

  /** Runs a trivial script once, so the first admin's run does not pay for the engine's start. */
  static void warm(Engine engine) {
    try (Context context = context(engine, 10_000)) {
      context.eval(PRELUDE);
      context.eval(READ).execute("{\"a\":1}");
      context.eval(WRITE).execute();
    }
  }

  private static Context context(Engine engine, long statements) {
    return Context.newBuilder("js")
        .engine(engine)
        .sandbox(SandboxPolicy.CONSTRAINED)
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .allowHostAccess(HostAccess.CONSTRAINED)
        .resourceLimits(ResourceLimits.newBuilder().statementLimit(statements, null).build())
        .option("js.load", "false")
        .option("js.print", "false")
        .option("js.console", "false")
        .option("js.graal-builtin", "false")
        .build();
  }

  /**
   * Whether a script parses, without running any of it: {@code checked}, with the line and the
   * parser's message when it does not.
   */
  static ObjectNode check(Engine engine, JsonNode request) {
    ObjectNode answer =
        ScriptRunnerMain.JSON
            .createObjectNode()
            .put("op", "checked")
            .put("run", request.path("run").asLong());
    String name = request.path("name").asText("script.js");
    try (Context context = context(engine, 1)) {
      context.parse(Source.newBuilder("js", request.path("source").asText(), name).buildLiteral());
    } catch (PolyglotException e) {
      if (e.isSyntaxError()) {
        // the parser says "SyntaxError: name:line:column what it expected"; the line is its own
        String message =
            String.valueOf(e.getMessage())
                .replaceFirst(
                    "^(?:SyntaxError: )?" + java.util.regex.Pattern.quote(name) + ":\\d+:\\d+\\s*",
                    "");
        answer.put("message", message);
        SourceSection where = e.getSourceLocation();
        if (where != null) {
          answer.put("line", where.getStartLine());
        }
      }
      // anything else is no syntax error: the check has no opinion, a run will say
    } catch (RuntimeException e) {
      // no opinion either; the answer still goes, so nobody waits for it
    }
    return answer;
  }

  ObjectNode run() {
    long run = request.path("run").asLong();
    long started = System.nanoTime();
    JsonNode limits = request.path("limits");
    long wall = limits.path("wallMillis").asLong(5_000);
    Host host =
        new Host(
            run, send, replies, limits.path("logBytes").asInt(16_384), started + wall * 1_000_000);
    ObjectNode answer = ScriptRunnerMain.JSON.createObjectNode().put("run", run);
    Context context = context(engine, limits.path("statements").asLong(1_000_000));
    ScheduledFuture<?> timer =
        watchdog.schedule(
            () -> {
              timedOut = true;
              context.close(true);
            },
            wall,
            TimeUnit.MILLISECONDS);
    try {
      context.eval(PRELUDE).execute(host);
      context.eval(READ).execute(request.path("record").toString());
      context.eval(source());
      String after = context.eval(WRITE).execute().asString();
      if (after.length() > MAX_RECORD) {
        // what goes back to the platform is a record's size, not a script's whole heap
        answer
            .put("op", "failed")
            .put("kind", "memory")
            .put("message", "the record the script left is larger than a record may be");
      } else if (host.overLog()) {
        // the script caught the refusal and went on: the limit still ends the run
        answer.put("op", "failed").put("kind", "log").put("message", "the log limit is reached");
      } else {
        answer.put("op", "done");
        answer.set("record", ScriptRunnerMain.JSON.readTree(after));
      }
    } catch (PolyglotException e) {
      failed(answer, e, host);
    } catch (IOException | RuntimeException e) {
      answer.put("op", "failed").put("kind", "error").put("message", String.valueOf(e));
    } finally {
      timer.cancel(false);
      try {
        context.close(true);
      } catch (PolyglotException closing) {
        // a cancelled context says so once more as it closes
      }
    }
    answer.put("millis", (System.nanoTime() - started) / 1_000_000);
    answer.put("logBytes", host.logBytes());
    ArrayNode log = answer.putArray("log");
    host.log().forEach(log::add);
    ArrayNode problems = answer.putArray("problems");
    host.problems()
        .forEach(
            (field, message) -> problems.addObject().put("field", field).put("message", message));
    return answer;
  }

  private Source source() {
    String name = request.path("name").asText("script.js");
    String text = request.path("source").asText();
    return SOURCES.computeIfAbsent(
        name + "\u0000" + text,
        key -> Source.newBuilder("js", text, name).cached(true).buildLiteral());
  }

  /** Why a run ended early, in words an admin reads in the run log, at the script's line. */
  private void failed(ObjectNode answer, PolyglotException e, Host host) {
    answer.put("op", "failed");
    String kind;
    if (e.isResourceExhausted() || (e.isCancelled() && !timedOut && !host.overLog())) {
      kind = "statements";
    } else if (e.isCancelled() || timedOut) {
      kind = "time";
    } else if (e.isSyntaxError()) {
      kind = "syntax";
    } else if (host.overLog()) {
      kind = "log";
    } else if (e.isHostException()) {
      kind = "host";
    } else {
      kind = "error";
    }
    answer.put("kind", kind);
    answer.put("message", e.getMessage() == null ? kind : e.getMessage());
    String name = request.path("name").asText();
    SourceSection where = e.getSourceLocation();
    if (where == null || !where.getSource().getName().equals(name)) {
      // an error the script threw has no place of its own: the script's deepest frame has it
      where = null;
      for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
        SourceSection at = frame.getSourceLocation();
        if (frame.isGuestFrame() && at != null && at.getSource().getName().equals(name)) {
          where = at;
          break;
        }
      }
    }
    if (where != null) {
      answer.put("line", where.getStartLine());
    }
  }
}
