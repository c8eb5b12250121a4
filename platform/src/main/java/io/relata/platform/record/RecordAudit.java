package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.RecordQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit entries of record changes, written on the connection of the change so that each
 * committed change has exactly one and a rolled-back one none. An entry names the fields a change
 * touched; values before and after are kept for tracked fields only ({@code trackHistory}, and
 * always the owner and the stage, whose history ownership and forecasts need). A tracked field set
 * from nothing to the writer's own id (a create's owner, nearly always) is kept by name: {@link
 * AuditEntry#actorValues}.
 */
final class RecordAudit {

  /** Columns the platform keeps up to date on every write; they are not what a user changed. */
  private static final Set<String> BOOKKEEPING =
      Set.of("id", "created_at", "created_by", "updated_at", "updated_by", "version", "deleted_at");

  private static final Set<String> ALWAYS_TRACKED = Set.of("owner_id", "stage");

  private RecordAudit() {}

  /** The entry of one record's write: values before and after for a create or an update. */
  static void written(RecordChange change) throws SQLException {
    AuditLog.append(change.connection(), entry(change, event(change)));
  }

  /** The entries of many records' writes (an import's batch), appended together. */
  static void writtenAll(Connection connection, List<RecordChange> changes) throws SQLException {
    List<AuditEntry> entries = new ArrayList<>(changes.size());
    AuditEntry event = null;
    for (RecordChange change : changes) {
      // who wrote, and through which token, is built once for the writes of one actor
      if (event == null || !event.actor().equals(Optional.of(change.context().actor().id()))) {
        event = event(change);
      }
      entries.add(entry(change, event));
    }
    AuditLog.appendAll(connection, entries);
  }

  /** The event of {@code change}'s writer, before it names a record. */
  private static AuditEntry event(RecordChange change) {
    return change
        .context()
        .actor()
        .audit(
            change.context().now(),
            "record." + change.kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Records moved along with a record to the recycle bin or out of it (children and cascading
   * lookups): each gets an entry of its own, naming the record the move started from.
   */
  static void cascaded(
      Connection connection,
      WriteContext context,
      String action,
      CompiledObject object,
      List<Map<String, Object>> moved,
      String from,
      UUID fromId)
      throws SQLException {
    List<AuditEntry> entries = new ArrayList<>(moved.size());
    for (Map<String, Object> row : moved) {
      entries.add(
          context
              .actor()
              .audit(context.now(), action)
              .on(object.name(), (UUID) row.get("id"))
              .with("cascadedFrom", Map.of("object", from, "id", fromId.toString())));
    }
    AuditLog.appendAll(connection, entries);
  }

  private static AuditEntry entry(RecordChange change, AuditEntry event) {
    CompiledObject object = change.object();
    AuditEntry entry =
        switch (change.kind()) {
          case CREATE -> entry(event, "record.create", object, change.after(), Map.of());
          case UPDATE ->
              entry(event, "record.update", object, change.after(), change.before().orElseThrow());
          case DELETE, RESTORE, PURGE -> event(change).on(object.name(), change.id());
        };
    return caused(change, entry);
  }

  /**
   * The entry with what an automation made the write do: the chain of automation runs that made it,
   * and the reasons hooks gave (the assignment rule that chose the owner). The values stay in the
   * entry's changes; reasons name rules and automations only.
   */
  private static AuditEntry caused(RecordChange change, AuditEntry entry) {
    List<WriteContext.Cause> chain = change.context().chain();
    if (!chain.isEmpty()) {
      entry = entry.with("chain", chain);
    }
    List<com.fasterxml.jackson.databind.node.ObjectNode> reasons = change.reasons();
    return reasons.isEmpty() ? entry : entry.with("because", reasons);
  }

  /** One committed batch of an import: how many records it wrote. */
  static void imported(
      Connection connection, Actor actor, CompiledObject object, long written, OffsetDateTime at)
      throws SQLException {
    AuditLog.append(
        connection, actor.audit(at, "record.import").on(object.name()).with("written", written));
  }

  /**
   * An export: the fields it writes out and the shape of its query. A filter's or search's text may
   * hold personal data, so it is kept as an erasable value.
   */
  static void exported(
      Connection connection,
      Actor actor,
      CompiledObject object,
      RecordQuery query,
      List<String> fields,
      OffsetDateTime at)
      throws SQLException {
    List<AuditEntry.FieldChange> criteria = new ArrayList<>();
    query
        .filter()
        .ifPresent(f -> criteria.add(new AuditEntry.FieldChange("filter", null, text(f))));
    query
        .search()
        .ifPresent(s -> criteria.add(new AuditEntry.FieldChange("search", null, text(s))));
    AuditEntry entry =
        actor.audit(at, "record.export").on(object.name()).with("fields", fields).changes(criteria);
    if (query.sort().isPresent()) {
      entry = entry.with("sort", query.sort().get());
    }
    AuditLog.append(connection, entry);
  }

  private static JsonNode text(Object criterion) {
    return JsonCodec.NODES.textNode(String.valueOf(criterion));
  }

  /**
   * A create's or update's entry: the fields it changed, values of the tracked ones; its actor and
   * the detail it starts from are {@code event}'s.
   */
  private static AuditEntry entry(
      AuditEntry event,
      String action,
      CompiledObject object,
      Map<String, Object> after,
      Map<String, Object> before) {
    List<String> fields = new ArrayList<>();
    List<AuditEntry.FieldChange> values = new ArrayList<>();
    List<String> actorValues = new ArrayList<>();
    JsonNode actor = event.actor().map(id -> value(id)).orElse(null);
    for (Column column : object.columns()) {
      String name = column.name();
      if (BOOKKEEPING.contains(name)) {
        continue;
      }
      JsonNode old = value(before.get(name));
      JsonNode now = value(after.get(name));
      if (old.equals(now)) {
        continue;
      }
      fields.add(name);
      if (!tracked(object, name)) {
        continue;
      }
      if (old.isNull() && now.equals(actor)) {
        actorValues.add(name);
      } else {
        values.add(new AuditEntry.FieldChange(name, old, now));
      }
    }
    ObjectNode detail = ((ObjectNode) event.detail()).deepCopy();
    ArrayNode names = detail.putArray("fields");
    fields.forEach(names::add);
    detail.put("version", ((Number) after.get("version")).longValue());
    return new AuditEntry(
            (OffsetDateTime) after.get("updated_at"),
            event.actor(),
            action,
            Optional.of(object.name()),
            Optional.of((UUID) after.get("id")),
            detail,
            values)
        .actorValues(actorValues);
  }

  private static boolean tracked(CompiledObject object, String name) {
    return ALWAYS_TRACKED.contains(name)
        || object.field(name).map(FieldDefinition::trackHistory).orElse(false);
  }

  private static JsonNode value(Object value) {
    return JsonCodec.value(value);
  }
}
