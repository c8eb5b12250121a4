package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.type.ColumnType;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.RecordTrail;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A record's timeline from its audit entries, as its reader may see it. The reader needs no {@code
 * view-audit}: reading the record is enough. A change of fields the reader may not see is no item;
 * an item names and values only the fields they may see; shares are shown to whoever may share the
 * record, as the record's share list is.
 */
final class RecordTimeline {

  private static final String CREATE = "record.create";
  private static final String UPDATE = "record.update";
  private static final Map<String, TimelineItem.Event> EVENTS =
      Map.of(
          CREATE,
          TimelineItem.Event.CREATED,
          UPDATE,
          TimelineItem.Event.UPDATED,
          "record.delete",
          TimelineItem.Event.DELETED,
          "record.restore",
          TimelineItem.Event.RESTORED,
          "share.grant",
          TimelineItem.Event.SHARED,
          "share.revoke",
          TimelineItem.Event.UNSHARED);

  private RecordTimeline() {}

  /**
   * A page of the timeline of record {@code id}, which the caller has found readable.
   *
   * @param seesShares whether the reader may see the record's shares
   */
  static TimelinePage page(
      Connection connection,
      CompiledObject object,
      ObjectAccess access,
      UUID id,
      boolean seesShares,
      TimelineQuery query)
      throws SQLException {
    if (!query.kinds().contains(TimelineQuery.Kind.HISTORY)) {
      return new TimelinePage(List.of(), Optional.empty());
    }
    Map<String, ColumnType.Storage> visible = new HashMap<>();
    for (Column column : object.columns()) {
      if (access.visible(column.name())) {
        visible.put(column.name(), column.storage());
      }
    }
    Set<String> actions = new HashSet<>(EVENTS.keySet());
    if (!seesShares) {
      actions.remove("share.grant");
      actions.remove("share.revoke");
    }
    List<RecordTrail.Entry> entries =
        RecordTrail.read(
            connection,
            new RecordTrail.Slice(
                object.name(),
                id,
                actions,
                Set.of(UPDATE),
                visible.keySet(),
                query.before(),
                query.limit() + 1));
    boolean more = entries.size() > query.limit();
    List<RecordTrail.Entry> shown = more ? entries.subList(0, query.limit()) : entries;
    Map<UUID, String> names = userNames(connection, shown);
    List<TimelineItem> items = new ArrayList<>(shown.size());
    for (RecordTrail.Entry entry : shown) {
      items.add(item(entry, visible, names));
    }
    Optional<String> next =
        more
            ? Optional.of(TimelineQuery.cursor(shown.get(shown.size() - 1).id()))
            : Optional.empty();
    return new TimelinePage(items, next);
  }

  private static TimelineItem item(
      RecordTrail.Entry stored, Map<String, ColumnType.Storage> visible, Map<UUID, String> names) {
    AuditEntry entry = stored.entry();
    List<String> fields = new ArrayList<>();
    entry.detail().path("fields").forEach(name -> fields.add(name.asText()));
    fields.removeIf(name -> !visible.containsKey(name));
    fields.sort(null);
    List<TimelineItem.Change> changes = new ArrayList<>();
    for (AuditEntry.FieldChange change : entry.changes()) {
      ColumnType.Storage storage = visible.get(change.field());
      if (storage != null) {
        changes.add(
            new TimelineItem.Change(
                change.field(), typed(change.before(), storage), typed(change.after(), storage)));
      }
    }
    changes.sort(java.util.Comparator.comparing(TimelineItem.Change::field));
    TimelineItem.Event event = EVENTS.get(entry.action());
    if (event == TimelineItem.Event.UPDATED && fields.contains("stage")) {
      event = TimelineItem.Event.STAGE_CHANGED;
    } else if (event == TimelineItem.Event.UPDATED && fields.contains("owner_id")) {
      event = TimelineItem.Event.OWNER_CHANGED;
    }
    JsonNode detail = entry.detail();
    Optional<String> sharedWith = Optional.empty();
    if (detail.hasNonNull("group")) {
      sharedWith = Optional.of(detail.get("group").asText());
    } else if (detail.hasNonNull("user")) {
      sharedWith =
          Optional.of(
              names.getOrDefault(
                  UUID.fromString(detail.get("user").asText()), detail.get("user").asText()));
    }
    return new TimelineItem(
        TimelineQuery.cursor(stored.id()),
        entry.at(),
        event,
        entry
            .actor()
            .map(
                actor ->
                    new TimelineItem.Person(actor, stored.actorName().orElse(actor.toString()))),
        fields,
        changes,
        sharedWith,
        Optional.ofNullable(detail.path("access").textValue()));
  }

  /** The names of the users shares name, display name first. */
  private static Map<UUID, String> userNames(Connection connection, List<RecordTrail.Entry> entries)
      throws SQLException {
    Set<UUID> ids = new LinkedHashSet<>();
    for (RecordTrail.Entry entry : entries) {
      JsonNode user = entry.entry().detail().path("user");
      if (user.isTextual()) {
        ids.add(UUID.fromString(user.asText()));
      }
    }
    Map<UUID, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, coalesce(display_name, username) FROM relata.app_user WHERE id = ANY (?)")) {
      select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.put(rows.getObject(1, UUID.class), rows.getString(2));
        }
      }
    }
    return names;
  }

  /**
   * A value as kept in the audit, typed as the record reader types the field's values now. History
   * outlives metadata: a value the field's storage no longer reads stays its text.
   */
  static Object typed(JsonNode value, ColumnType.Storage storage) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return switch (storage) {
        case DECIMAL -> value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        case BOOLEAN -> value.isBoolean() ? value.booleanValue() : value.asText();
        case DATE -> LocalDate.parse(value.asText());
        case INSTANT -> OffsetDateTime.parse(value.asText());
        case UUID -> UUID.fromString(value.asText());
        case TEXT_ARRAY -> {
          List<String> items = new ArrayList<>();
          value.forEach(item -> items.add(item.asText()));
          yield value.isArray() ? List.copyOf(items) : value.asText();
        }
        case JSON -> value;
        case TEXT -> value.isTextual() ? value.textValue() : value.toString();
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return value.isTextual() ? value.textValue() : value.toString();
    }
  }
}
