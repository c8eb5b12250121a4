package io.relata.platform.automation.script.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.graalvm.polyglot.HostAccess;

/**
 * The one host object a script's prelude holds: three exported methods and nothing else (no {@code
 * getClass}, no fields), so no reflection is reachable from it. {@link #call} asks the platform (a
 * query, a record to create) and waits for the answer, never past the run's deadline.
 */
public final class Host {

  private static final int PROBLEMS = 50;

  private final long run;
  private final Consumer<ObjectNode> send;
  private final BlockingQueue<JsonNode> replies;
  private final int logLimit;
  private final long deadline;
  private final List<String> log = new ArrayList<>();
  private final Map<String, String> problems = new LinkedHashMap<>();
  private int logBytes;
  private boolean overLog;

  Host(
      long run,
      Consumer<ObjectNode> send,
      BlockingQueue<JsonNode> replies,
      int logLimit,
      long deadline) {
    this.run = run;
    this.send = send;
    this.replies = replies;
    this.logLimit = logLimit;
    this.deadline = deadline;
  }

  /** Asks the platform; answers its reply, {@code {"result": …}} or {@code {"error": …}}. */
  @HostAccess.Export
  public String call(String op, String arguments) throws IOException, InterruptedException {
    ObjectNode message = ScriptRunnerMain.JSON.createObjectNode().put("op", "call");
    message.put("run", run).put("call", op);
    message.set("args", ScriptRunnerMain.JSON.readTree(arguments));
    send.accept(message);
    JsonNode reply = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (reply == null) {
      throw new IllegalStateException("the platform did not answer in time");
    }
    ObjectNode answer = ScriptRunnerMain.JSON.createObjectNode();
    if (reply.hasNonNull("error")) {
      answer.put("error", reply.get("error").asText());
    } else {
      answer.set("result", reply.path("result"));
    }
    return answer.toString();
  }

  @HostAccess.Export
  public void log(String line) {
    logBytes += line.length() + 1;
    if (logBytes > logLimit) {
      overLog = true;
      throw new IllegalStateException("the log limit of " + logLimit + " characters is reached");
    }
    log.add(line);
  }

  /** A problem at a field; at most {@value #PROBLEMS} of them, each cut to 500 characters. */
  @HostAccess.Export
  public void problem(String field, String message) {
    if (problems.size() < PROBLEMS) {
      problems.putIfAbsent(cut(field, 100), cut(message, 500));
    }
  }

  private static String cut(String text, int most) {
    return text.length() <= most ? text : text.substring(0, most);
  }

  List<String> log() {
    return log;
  }

  Map<String, String> problems() {
    return problems;
  }

  int logBytes() {
    return logBytes;
  }

  boolean overLog() {
    return overLog;
  }
}
