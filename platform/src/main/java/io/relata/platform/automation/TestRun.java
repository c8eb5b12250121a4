package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.AssignmentRules;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.ScoringModel;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordNotFoundException;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A test run: an automation, assignment rules or a scoring model run against one record in a
 * transaction the caller rolls back, answering what it would do. Its writes come from the audit
 * entries the transaction wrote (each record created or changed, field by field, and why); the mail
 * it would send, the webhooks it would call and the jobs it would schedule from the jobs it queued;
 * the people it would tell from its notifications. Nothing of it is ever committed: no mail leaves,
 * no webhook is called, no notification is seen.
 *
 * <p>An automation's actions run whether or not its condition holds for the record (the answer says
 * whether it does): an admin tests what the actions do. A before-save automation's actions change
 * the record as one update, as they would while it is saved.
 */
public final class TestRun {

  /** The kinds a test run runs. */
  static final List<String> KINDS = List.of("automations", "assignment-rules", "scoring-models");

  private final NestedWrites writes;
  private final WriteContext context;
  private final Automating automating;

  public TestRun(NestedWrites writes, WriteContext context, Automating automating) {
    this.writes = writes;
    this.context = context.trial();
    this.automating = automating;
  }

  /** Runs the document {@code name} of {@code kind} for the record and says what it did. */
  public ObjectNode run(String kind, String name, String object, UUID id) throws SQLException {
    CompiledObject compiled = writes.snapshot().required(object);
    Map<String, Object> record =
        writes
            .lock(context, object, id)
            .orElseThrow(() -> RecordNotFoundException.record(object, id));
    long audited = lastAudit(writes.connection());
    ObjectNode answer = JsonCodec.object().put("kind", kind).put("name", name);
    answer.putObject("record").put("object", object).put("id", id.toString());
    switch (kind) {
      case "automations" -> automation(name, compiled, record, answer);
      case "assignment-rules" -> assignment(name, compiled, record, answer);
      default -> scoring(name, object, id);
    }
    Connection connection = writes.connection();
    answer.set("writes", written(connection, audited));
    ArrayNode mail = answer.putArray("mail");
    ArrayNode calls = answer.putArray("calls");
    ArrayNode scheduled = answer.putArray("scheduled");
    for (ObjectNode job : queued(connection)) {
      String type = job.get("kind").asText();
      JsonNode payload = job.get("payload");
      if (type.equals(io.relata.platform.mail.MailJob.KIND)) {
        mail.add(payload);
      } else if (type.equals(io.relata.platform.webhook.WebhookJob.KIND)) {
        ObjectNode call =
            JsonCodec.object()
                .put("webhook", payload.get("webhook").asText())
                .put("event", payload.get("event").asText());
        writes
            .snapshot()
            .automations()
            .webhook(payload.get("webhook").asText())
            .ifPresent(w -> call.put("url", w.url().toString()));
        call.set("body", JsonCodec.parse(payload.get("body").asText()));
        calls.add(call);
      } else {
        scheduled.add(JsonCodec.object().put("kind", type).set("runAt", job.get("runAt")));
      }
    }
    answer.set("notifications", told(connection));
    return answer;
  }

  private void automation(
      String name, CompiledObject object, Map<String, Object> record, ObjectNode answer)
      throws SQLException {
    Automation automation = find(automating(name), "automations", name, object.name());
    boolean holds =
        automation
            .condition()
            .map(
                c ->
                    ConditionEvaluator.selects(
                        c, record, Optional.of(record), context.conditions()))
            .orElse(true);
    answer.put("conditionHolds", holds);
    boolean beforeSave =
        automation.trigger() instanceof Trigger.OnWrite write
            && write.timing() == Trigger.Timing.BEFORE;
    if (beforeSave) {
      beforeSave(automation, object, record);
    } else {
      Actions.run(
          ActionTarget.stored(writes, object.name(), idOf(record), context, automating),
          automation,
          "test");
    }
  }

  /** A before-save automation's actions as the one update they make while the record is saved. */
  private void beforeSave(Automation automation, CompiledObject object, Map<String, Object> record)
      throws SQLException {
    ObjectNode changes = JsonCodec.object();
    List<ObjectNode> because = new java.util.ArrayList<>();
    because.add(ActionValues.because(automation, JsonCodec.object()));
    List<Action> actions = automation.actions();
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      if (action instanceof Action.Set set) {
        changes.setAll(ActionValues.of(set.values(), record, Optional.empty(), context));
      } else if (action instanceof Action.Script script) {
        changes.setAll(
            automating
                .scripting()
                .beforeSave(automation, i, script, object, record, context, used -> {}));
      } else if (action instanceof Action.Assign assign) {
        Assigner.Assigned assigned =
            Assigner.choose(
                writes.connection(), object, writes.snapshot(), record, context, assign);
        assigned.owner().ifPresent(owner -> changes.put("owner_id", owner.toString()));
        because.set(0, ActionValues.because(automation, assigned.reason()));
      }
    }
    if (!changes.isEmpty()) {
      writes.update(
          context.causedBy(new WriteContext.Cause(automation.name(), object.name(), idOf(record))),
          object.name(),
          idOf(record),
          changes,
          because);
    }
  }

  private void assignment(
      String name, CompiledObject object, Map<String, Object> record, ObjectNode answer)
      throws SQLException {
    AssignmentRules rules =
        writes
            .snapshot()
            .automations()
            .assignment(name)
            .filter(r -> r.object().equals(object.name()))
            .orElseThrow(() -> unknown("assignment-rules", name, object.name()));
    Assigner.Assigned assigned =
        Assigner.choose(
            writes.connection(),
            object,
            writes.snapshot(),
            record,
            context,
            new Action.Assign(Optional.of(rules.name()), Optional.empty()));
    answer.set("reason", assigned.reason());
    if (assigned.owner().isPresent()) {
      writes.update(
          context.causedBy(new WriteContext.Cause(rules.name(), object.name(), idOf(record))),
          object.name(),
          idOf(record),
          JsonCodec.object().put("owner_id", assigned.owner().get().toString()),
          List.of(assigned.reason()));
    }
  }

  private void scoring(String name, String object, UUID id) throws SQLException {
    ScoringModel model =
        writes.snapshot().automations().scoring().stream()
            .filter(m -> m.name().equals(name) && m.object().equals(object))
            .findFirst()
            .orElseThrow(() -> unknown("scoring-models", name, object));
    new Scoring(writes, context, automating).rescore(model, object, id);
  }

  private Optional<Automation> automating(String name) {
    return writes.snapshot().automations().named(name);
  }

  private static Automation find(
      Optional<Automation> found, String kind, String name, String object) {
    return found
        .filter(a -> a.object().equals(object))
        .orElseThrow(() -> unknown(kind, name, object));
  }

  /** The document is not one of the object's: the request names the wrong thing. */
  static InvalidRequestException unknown(String kind, String name, String object) {
    return new InvalidRequestException(
        List.of(new Violation("/name", "automation.test-unknown", List.of(kind, name, object))));
  }

  private static UUID idOf(Map<String, Object> record) {
    return (UUID) record.get("id");
  }

  /**
   * Rows this transaction wrote to {@code table}: those whose {@code xmin} is its id. A test run
   * takes no savepoints, whose rows would carry a subtransaction's id.
   */
  private static final String OURS = "xmin = pg_current_xact_id()::xid";

  /** The newest audit entry before the run: the run's are after it, so no scan reads the rest. */
  private static long lastAudit(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT coalesce(max(id), 0) FROM relata.audit_entry");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Each record the run created or changed, with its fields before and after, and why. */
  private static ArrayNode written(Connection connection, long after) throws SQLException {
    ArrayNode written = JsonCodec.NODES.arrayNode();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT e.action, e.object, e.record_id, e.detail,"
                + " (SELECT jsonb_object_agg(v.field, jsonb_build_object("
                + "'before', v.before, 'after', v.after)) FROM relata.audit_value v"
                + " WHERE v.entry_id = e.id) AS fields"
                + " FROM relata.audit_entry e WHERE e.id > ? AND e."
                + OURS
                + " AND e.record_id IS NOT NULL ORDER BY e.id")) {
      select.setLong(1, after);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ObjectNode one =
              written
                  .addObject()
                  .put("action", rows.getString(1).replaceFirst("^record\\.", ""))
                  .put("object", rows.getString(2))
                  .put("id", rows.getObject(3, UUID.class).toString());
          JsonNode detail = JsonCodec.parse(rows.getString(4));
          if (detail.has("because")) {
            one.set("because", detail.get("because"));
          }
          String fields = rows.getString(5);
          one.set("fields", fields == null ? JsonCodec.object() : JsonCodec.parse(fields));
        }
      }
    }
    return written;
  }

  /** The jobs the run queued, oldest first: kind, payload and when each is due. */
  private static List<ObjectNode> queued(Connection connection) throws SQLException {
    List<ObjectNode> jobs = new java.util.ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT kind, payload, run_at FROM relata.job WHERE "
                    + OURS
                    + " ORDER BY created_at, id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ObjectNode job = JsonCodec.object().put("kind", rows.getString(1));
        job.set("payload", JsonCodec.parse(rows.getString(2)));
        job.set("runAt", JsonCodec.value(rows.getObject(3, java.time.OffsetDateTime.class)));
        jobs.add(job);
      }
    }
    return jobs;
  }

  /** Who the run told in the app, and what. */
  private static ArrayNode told(Connection connection) throws SQLException {
    ArrayNode told = JsonCodec.NODES.arrayNode();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT u.username, n.title, n.body FROM relata.notification n"
                    + " JOIN relata.app_user u ON u.id = n.user_id WHERE n."
                    + OURS
                    + " ORDER BY u.username");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        told.addObject()
            .put("user", rows.getString(1))
            .put("title", rows.getString(2))
            .put("body", rows.getString(3));
      }
    }
    return told;
  }
}
