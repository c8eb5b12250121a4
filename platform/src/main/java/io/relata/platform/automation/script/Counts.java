package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.rest.ProblemException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one run asked of the platform, counted against its limits as it asks: a call past a limit is
 * refused (the script sees an error it may catch), and the run ends as stopped by that limit
 * whatever the script does next.
 */
final class Counts {

  private final ScriptLimits limits;
  private int queries;
  private int rows;
  private int records;
  private String exceeded;

  Counts(ScriptLimits limits) {
    this.limits = limits;
  }

  /** The reply to one call of run {@code id}. */
  ObjectNode answer(long id, JsonNode call, ScriptHost host) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode().put("op", "reply").put("run", id);
    JsonNode args = call.path("args");
    try {
      switch (call.path("call").asText()) {
        case "query" -> {
          if (++queries > limits.queries()) {
            return refuse(reply, "queries", limits.queries());
          }
          int wanted = Math.max(0, Math.min(args.path(2).asInt(100), 1_000));
          int left = limits.rowsRead() - rows;
          ArrayNode found =
              host.query(
                  args.path(0).asText(),
                  args.path(1).isNull() ? null : args.path(1).asText(),
                  Math.min(wanted, left + 1));
          rows += found.size();
          if (rows > limits.rowsRead()) {
            return refuse(reply, "rows", limits.rowsRead());
          }
          reply.set("result", found);
        }
        case "create" -> {
          if (++records > limits.recordsWritten()) {
            return refuse(reply, "records", limits.recordsWritten());
          }
          reply.set(
              "result",
              host.create(
                  args.path(0).asText(),
                  args.path(1).isObject()
                      ? (ObjectNode) args.get(1)
                      : JsonNodeFactory.instance.objectNode()));
        }
        default -> reply.put("error", "no such call: " + call.path("call").asText());
      }
    } catch (ProblemException e) {
      reply.put(
          "error",
          e.violations().isEmpty()
              ? e.getMessage()
              : e.violations().stream()
                  .map(v -> (v.pointer().isEmpty() ? "" : v.pointer() + " ") + v.code())
                  .collect(Collectors.joining("; ")));
    } catch (Exception e) {
      reply.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return reply;
  }

  private ObjectNode refuse(ObjectNode reply, String limit, int of) {
    if (exceeded == null) {
      exceeded = limit;
    }
    return reply.put("error", "the limit of " + of + " " + limit + " is reached");
  }

  /** The limit a call went past, as the run's failure. */
  Optional<ScriptResult.Failure> exceeded() {
    return Optional.ofNullable(exceeded)
        .map(
            limit ->
                new ScriptResult.Failure(
                    limit, "the script went past its limit of " + limit, Optional.empty()));
  }

  ScriptUsage usage(long started, int logBytes) {
    return new ScriptUsage(
        (System.nanoTime() - started) / 1_000_000, queries, rows, records, logBytes);
  }
}
