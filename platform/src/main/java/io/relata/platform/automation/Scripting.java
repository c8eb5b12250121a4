package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.automation.script.ScriptHost;
import io.relata.platform.automation.script.ScriptLimits;
import io.relata.platform.automation.script.ScriptRequest;
import io.relata.platform.automation.script.ScriptResult;
import io.relata.platform.automation.script.ScriptRunners;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an automation's script action ({@link ScriptRunners}): the record goes in as the REST API
 * reads it, and what the script changed of its fields comes back as a change of the record, read by
 * the fields' types as a writer's would be. A problem the script raised refuses the write at its
 * field; a script stopped by a limit, an error or the runner refuses it saying which automation,
 * why, and at which line. Queries see what the acting user may see; records are created as an
 * automation's (after the write only).
 */
@ApplicationScoped
public class Scripting {

  private ScriptRunners runners;
  private Supplier<RecordService> records;

  /** For CDI's proxy. */
  protected Scripting() {}

  @Inject
  Scripting(ScriptRunners runners, Instance<RecordService> records) {
    this(runners, records::get);
  }

  public Scripting(ScriptRunners runners, Supplier<RecordService> records) {
    this.runners = runners;
    this.records = records;
  }

  /**
   * The script's changes to the record before it is saved, as a writer's values; {@code used}
   * learns what the run used of its limits.
   */
  ObjectNode beforeSave(
      Automation automation,
      int index,
      Action.Script script,
      CompiledObject object,
      Map<String, Object> record,
      WriteContext context,
      Consumer<JsonNode> used) {
    ObjectNode in = ActionValues.json(record);
    ScriptResult result =
        runners.run(request(automation, index, script, in), host(context, Optional.empty()));
    used.accept(usage(result));
    return changes(automation, object, in, checked(automation, index, result));
  }

  /** Runs the script after the write; its changes to the record are a write of their own. */
  void afterSave(
      ActionTarget target,
      WriteContext context,
      Automation automation,
      int index,
      Action.Script script,
      List<ObjectNode> because,
      Consumer<JsonNode> used)
      throws java.sql.SQLException {
    ObjectNode in = ActionValues.json(target.record());
    Creating creating = new Creating(target.writes(), context, because, new AtomicReference<>());
    ScriptResult result =
        runners.run(request(automation, index, script, in), host(context, Optional.of(creating)));
    used.accept(usage(result));
    if (creating.failure().get() != null) {
      throw creating.failure().get();
    }
    ObjectNode changes =
        changes(automation, target.object(), in, checked(automation, index, result));
    if (!changes.isEmpty() && !target.gone()) {
      target.writes().update(context, target.object().name(), target.id(), changes, because);
    }
  }

  /**
   * What a script's creates need, and the failure that must end its write whatever the script does
   * with the error it is shown: a database failure that is no refusal; in a test run, any failure
   * (with no savepoint there, what the failed create wrote would stay in the answer).
   */
  private record Creating(
      NestedWrites writes,
      WriteContext context,
      List<ObjectNode> because,
      AtomicReference<RuntimeException> failure) {}

  private ScriptHost host(WriteContext context, Optional<Creating> creating) {
    Actor actor = context.actor();
    return new ScriptHost() {
      @Override
      public ArrayNode query(String object, String condition, int limit) throws Exception {
        RecordQuery query =
            new RecordQuery(
                condition == null
                    ? Optional.empty()
                    : Optional.of(ConditionParser.parse(condition)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Math.max(1, Math.min(limit, RecordQuery.MAX_LIMIT)),
                Optional.empty(),
                List.of(),
                false);
        ArrayNode found = JsonCodec.NODES.arrayNode();
        records.get().list(actor, object, query, false).items().forEach(found::add);
        return found;
      }

      @Override
      public JsonNode create(String object, ObjectNode values) throws Exception {
        if (creating.isEmpty()) {
          throw new IllegalStateException("a script creates records only after the write");
        }
        Creating with = creating.get();
        try {
          return JsonCodec.NODES.textNode(
              with.writes()
                  .attemptCreate(with.context(), object, values, with.because())
                  .id()
                  .toString());
        } catch (ProblemException e) {
          if (with.context().isTrial()) {
            with.failure().compareAndSet(null, e);
          }
          throw e;
        } catch (java.sql.SQLException | RuntimeException e) {
          with.failure()
              .compareAndSet(null, new IllegalStateException("a script's create failed", e));
          // the script is told no more than that: never the database's words
          throw new IllegalStateException("the record could not be stored");
        }
      }
    };
  }

  private static ScriptRequest request(
      Automation automation, int index, Action.Script script, ObjectNode record) {
    ScriptLimits base = ScriptLimits.DEFAULT;
    Map<String, Long> lower = script.limits();
    ScriptLimits limits =
        new ScriptLimits(
            Math.min(base.statements(), lower.getOrDefault("statements", base.statements())),
            Duration.ofSeconds(
                Math.min(
                    base.wallClock().toSeconds(),
                    lower.getOrDefault("seconds", base.wallClock().toSeconds()))),
            (int) Math.min(base.queries(), lower.getOrDefault("queries", (long) base.queries())),
            (int) Math.min(base.rowsRead(), lower.getOrDefault("rows", (long) base.rowsRead())),
            (int)
                Math.min(
                    base.recordsWritten(),
                    lower.getOrDefault("records", (long) base.recordsWritten())),
            (int)
                Math.min(base.logBytes(), lower.getOrDefault("logBytes", (long) base.logBytes())));
    return new ScriptRequest(
        automation.name() + "-" + (index + 1) + ".js", script.source(), record, limits);
  }

  /** What a run used of its limits, and why it was stopped: what the run log shows. */
  private static JsonNode usage(ScriptResult result) {
    ObjectNode usage = JsonCodec.object();
    usage.put("millis", result.usage().millis());
    usage.put("queries", result.usage().queries());
    usage.put("rowsRead", result.usage().rowsRead());
    usage.put("recordsWritten", result.usage().recordsWritten());
    usage.put("logBytes", result.usage().logBytes());
    result.failure().ifPresent(f -> usage.put("stoppedBy", f.kind()));
    if (!result.log().isEmpty()) {
      com.fasterxml.jackson.databind.node.ArrayNode log = usage.putArray("log");
      result.log().forEach(log::add);
    }
    return usage;
  }

  /**
   * The result of a run that was not stopped and raised no problem; else the refusal, which names
   * the action by its number (from 1) as well as the line, for an automation of several scripts,
   * and last the automation by its name, for a screen to tell its own from another's it set off.
   */
  private static ScriptResult checked(Automation automation, int index, ScriptResult result) {
    if (result.failure().isPresent()) {
      ScriptResult.Failure failure = result.failure().get();
      throw new InvalidRequestException(
          List.of(
              new Violation(
                  "",
                  "automation.script-stopped",
                  List.of(
                      automation.label(),
                      failure.kind(),
                      failure.message(),
                      failure.line().map(String::valueOf).orElse("—"),
                      index + 1,
                      automation.name()))));
    }
    if (!result.problems().isEmpty()) {
      List<Violation> violations = new ArrayList<>();
      result
          .problems()
          .forEach(
              (field, message) ->
                  violations.add(
                      new Violation("/" + field, "automation.script-problem", List.of(message))));
      throw new InvalidRequestException(violations);
    }
    return result;
  }

  /** The fields the script gave another value, among those a writer may write. */
  private static ObjectNode changes(
      Automation automation, CompiledObject object, ObjectNode in, ScriptResult result) {
    ObjectNode changes = JsonCodec.object();
    ObjectNode out = result.record().orElse(JsonCodec.object());
    for (Iterator<String> names = out.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      boolean writable =
          object.field(name).map(FieldDefinition::type).map(t -> !t.computed()).orElse(false)
              || (name.equals("stage") && object.definition().pipeline().isPresent())
              || name.equals("owner_id");
      if (writable && !same(out.get(name), in.path(name))) {
        changes.set(name, out.get(name));
      }
    }
    return changes;
  }

  /** Whether two values are one: numbers by value, as 100 and 100.00 are. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
