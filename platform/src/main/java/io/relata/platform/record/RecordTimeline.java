package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.type.ColumnType;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.RecordTrail;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * A record's timeline from its audit entries and the activities about it, as its reader may see it.
 * The reader needs no {@code view-audit}: reading the record is enough. A change of fields the
 * reader may not see is no item; an item names and values only the fields they may see; shares are
 * shown to whoever may share the record, as the record's share list is.
 */
final class RecordTimeline {

  private static final String CREATE = "record.create";
  private static final String UPDATE = "record.update";

  /**
   * The audit actions a timeline shows; {@code approval.*} are the approval package's, {@code
   * mail.sent} the mail package's.
   */
  private static final Map<String, TimelineItem.Event> EVENTS =
      Map.ofEntries(
          Map.entry(CREATE, TimelineItem.Event.CREATED),
          Map.entry(UPDATE, TimelineItem.Event.UPDATED),
          Map.entry("record.delete", TimelineItem.Event.DELETED),
          Map.entry("record.restore", TimelineItem.Event.RESTORED),
          Map.entry("share.grant", TimelineItem.Event.SHARED),
          Map.entry("share.revoke", TimelineItem.Event.UNSHARED),
          Map.entry("approval.asked", TimelineItem.Event.APPROVAL_ASKED),
          Map.entry("approval.approved", TimelineItem.Event.APPROVAL_APPROVED),
          Map.entry("approval.rejected", TimelineItem.Event.APPROVAL_REJECTED),
          Map.entry("approval.recalled", TimelineItem.Event.APPROVAL_RECALLED),
          Map.entry("mail.sent", TimelineItem.Event.EMAIL_SENT));

  private RecordTimeline() {}

  /**
   * A page of the timeline of record {@code id}, which the caller has found readable: its history
   * and the activities about it, merged newest first.
   *
   * @param seesShares whether the reader may see the record's shares
   */
  static TimelinePage page(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      AccessEvaluator reader,
      CompiledObject object,
      UUID id,
      boolean seesShares,
      TimelineQuery query)
      throws SQLException {
    Optional<TimelineActivities> activities = TimelineActivities.of(snapshot, reader);
    Set<String> activityKinds = activities.map(TimelineActivities::kinds).orElse(Set.of());
    requireKnown(query.kinds(), activityKinds);
    Set<String> askedKinds = new HashSet<>(query.kinds());
    askedKinds.retainAll(activityKinds);
    boolean allActivities = query.wants(TimelineQuery.ACTIVITY);
    List<RecordTrail.Entry> history =
        query.wants(TimelineQuery.HISTORY)
            ? history(connection, object, reader.on(object.definition()), id, seesShares, query)
            : List.of();
    List<TimelineActivities.Found> found =
        activities.isPresent() && (allActivities || !askedKinds.isEmpty())
            ? activities
                .get()
                .read(
                    connection,
                    object.name(),
                    id,
                    allActivities ? Set.of() : askedKinds,
                    query.after().activity(),
                    query.limit() + 1)
            : List.of();
    // merge the two streams, newest first; at the same instant, history first
    List<Object> shown = new ArrayList<>(query.limit());
    int h = 0;
    int a = 0;
    while (shown.size() < query.limit() && (h < history.size() || a < found.size())) {
      boolean takeHistory =
          a >= found.size()
              || (h < history.size()
                  && !history.get(h).entry().at().isBefore(found.get(a).key().at()));
      shown.add(takeHistory ? history.get(h++) : found.get(a++));
    }
    boolean more = h < history.size() || a < found.size();
    Map<UUID, String> names = userNames(connection, shown);
    Map<String, ColumnType.Storage> visible =
        visibleColumns(object, reader.on(object.definition()));
    List<TimelineItem> items = new ArrayList<>(shown.size());
    for (Object one : shown) {
      items.add(
          one instanceof RecordTrail.Entry entry
              ? item(entry, visible, names)
              : activityItem((TimelineActivities.Found) one, activities.orElseThrow(), names));
    }
    TimelineQuery.Position end =
        new TimelineQuery.Position(
            h > 0 ? OptionalLong.of(history.get(h - 1).id()) : query.after().history(),
            a > 0 ? Optional.of(found.get(a - 1).key()) : query.after().activity());
    return new TimelinePage(items, more ? Optional.of(end.cursor()) : Optional.empty());
  }

  /** 400 unless each kind asked for is history, activity or a kind of activity the reader knows. */
  private static void requireKnown(Set<String> asked, Set<String> activityKinds) {
    List<String> known = new ArrayList<>(List.of(TimelineQuery.HISTORY, TimelineQuery.ACTIVITY));
    known.addAll(activityKinds);
    List<Violation> problems = new ArrayList<>();
    for (String kind : asked) {
      if (!known.contains(kind)) {
        problems.add(
            new Violation("kind", "query.timeline-kind", List.of(kind, String.join(", ", known))));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static Map<String, ColumnType.Storage> visibleColumns(
      CompiledObject object, ObjectAccess access) {
    Map<String, ColumnType.Storage> visible = new HashMap<>();
    for (Column column : object.columns()) {
      if (access.visible(column.name())) {
        visible.put(column.name(), column.storage());
      }
    }
    return visible;
  }

  private static List<RecordTrail.Entry> history(
      Connection connection,
      CompiledObject object,
      ObjectAccess access,
      UUID id,
      boolean seesShares,
      TimelineQuery query)
      throws SQLException {
    Set<String> actions = new HashSet<>(EVENTS.keySet());
    if (!seesShares) {
      actions.remove("share.grant");
      actions.remove("share.revoke");
    }
    return RecordTrail.read(
        connection,
        new RecordTrail.Slice(
            object.name(),
            id,
            actions,
            Set.of(UPDATE),
            visibleColumns(object, access).keySet(),
            query.after().history(),
            query.limit() + 1));
  }

  private static TimelineItem activityItem(
      TimelineActivities.Found found, TimelineActivities activities, Map<UUID, String> names) {
    Map<String, Object> row = found.row();
    UUID owner = (UUID) row.get("owner_id");
    UUID author = (UUID) row.get("created_by");
    return new TimelineItem(
        "a" + found.key().id(),
        found.key().at(),
        TimelineItem.Event.ACTIVITY,
        Optional.ofNullable(author)
            .map(u -> new TimelineItem.Person(u, names.getOrDefault(u, u.toString()))),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(
            new TimelineItem.Activity(
                found.key().id(),
                activities.shown(row),
                Optional.ofNullable(owner)
                    .map(u -> new TimelineItem.Person(u, names.getOrDefault(u, u.toString()))))),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static TimelineItem item(
      RecordTrail.Entry stored, Map<String, ColumnType.Storage> visible, Map<UUID, String> names) {
    AuditEntry entry = stored.entry();
    List<String> fields = new ArrayList<>();
    entry.detail().path("fields").forEach(name -> fields.add(name.asText()));
    fields.removeIf(name -> !visible.containsKey(name));
    fields.sort(null);
    List<TimelineItem.Change> changes = new ArrayList<>();
    // only a record's write keeps fields' values; an approval's comment, a mail's address are not
    boolean values = entry.action().startsWith("record.");
    for (AuditEntry.FieldChange change :
        values ? entry.changes() : List.<AuditEntry.FieldChange>of()) {
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
        "h" + Long.toString(stored.id(), 36),
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
        Optional.ofNullable(detail.path("access").textValue()),
        Optional.empty(),
        approval(entry, visible),
        mail(entry, visible),
        because(detail, visible));
  }

  /** A message sent, as the entry the mail package wrote says it. */
  private static Optional<TimelineItem.Mail> mail(
      AuditEntry entry, Map<String, ColumnType.Storage> visible) {
    if (!entry.action().equals("mail.sent")) {
      return Optional.empty();
    }
    JsonNode detail = entry.detail();
    return Optional.of(
        new TimelineItem.Mail(
            entry.changes().stream()
                .filter(change -> change.field().equals("subject"))
                .map(change -> change.after().asText())
                .findFirst()
                .orElse(""),
            Optional.ofNullable(detail.path("toName").textValue()),
            Optional.ofNullable(detail.path("toField").textValue()).filter(visible::containsKey)));
  }

  /** A turn of an approval request, as the entry the approval package wrote says it. */
  private static Optional<TimelineItem.Approval> approval(
      AuditEntry entry, Map<String, ColumnType.Storage> visible) {
    if (!entry.action().startsWith("approval.")) {
      return Optional.empty();
    }
    JsonNode detail = entry.detail();
    return Optional.of(
        new TimelineItem.Approval(
            detail.path("processLabel").asText(detail.path("process").asText()),
            // the stage asked for is the stage field's value: for those who may see it
            Optional.ofNullable(detail.path("stage").textValue())
                .filter(stage -> visible.containsKey("stage")),
            detail.path("step").asInt(1),
            detail.path("steps").asInt(1),
            entry.changes().stream()
                .filter(change -> change.field().equals("comment"))
                .map(change -> change.after().asText())
                .findFirst()));
  }

  /** The reasons an entry gives, as its reader may read them. */
  private static List<TimelineItem.Because> because(
      JsonNode detail, Map<String, ColumnType.Storage> visible) {
    List<TimelineItem.Because> because = new ArrayList<>();
    for (JsonNode reason : detail.path("because")) {
      Optional<String> condition =
          Optional.ofNullable(reason.path("condition").textValue())
              .filter(source -> readable(source, visible));
      because.add(
          new TimelineItem.Because(
              reason.path("automation").asText(),
              Optional.ofNullable(reason.path("automationLabel").textValue()),
              Optional.ofNullable(reason.path("assignment").textValue()),
              Optional.ofNullable(reason.path("assignmentLabel").textValue()),
              reason.path("rule").isInt()
                  ? Optional.of(reason.get("rule").asInt())
                  : Optional.empty(),
              Optional.ofNullable(reason.path("label").textValue()),
              condition,
              reason.path("fallback").asBoolean(false),
              Optional.ofNullable(reason.path("group").textValue()),
              Optional.ofNullable(reason.path("method").textValue()),
              reason.path("score").isIntegralNumber()
                  ? Optional.of(reason.get("score").asLong())
                  : Optional.empty(),
              points(reason.path("points"), visible)));
    }
    return because;
  }

  private static List<TimelineItem.Points> points(
      JsonNode points, Map<String, ColumnType.Storage> visible) {
    List<TimelineItem.Points> list = new ArrayList<>();
    for (JsonNode one : points) {
      list.add(
          new TimelineItem.Points(
              Optional.ofNullable(one.path("label").textValue()),
              Optional.ofNullable(one.path("condition").textValue())
                  .filter(source -> readable(source, visible)),
              Optional.ofNullable(one.path("kind").textValue()),
              one.path("count").isInt() ? Optional.of(one.get("count").asInt()) : Optional.empty(),
              one.path("points").asLong()));
    }
    return list;
  }

  /** Whether the reader may see every field {@code condition} reads. */
  private static boolean readable(String condition, Map<String, ColumnType.Storage> visible) {
    try {
      return visible
          .keySet()
          .containsAll(
              io.relata.metadata.condition.Expression.fields(
                  io.relata.metadata.condition.ConditionParser.parse(condition)));
    } catch (io.relata.metadata.condition.ConditionException e) {
      return false;
    }
  }

  /**
   * The names of the users the shown items name (shared with; an activity's author and owner),
   * display name first.
   */
  private static Map<UUID, String> userNames(Connection connection, List<Object> shown)
      throws SQLException {
    Set<UUID> ids = new LinkedHashSet<>();
    for (Object one : shown) {
      if (one instanceof RecordTrail.Entry entry) {
        JsonNode user = entry.entry().detail().path("user");
        if (user.isTextual()) {
          ids.add(UUID.fromString(user.asText()));
        }
      } else if (one instanceof TimelineActivities.Found activity) {
        for (String field : List.of("owner_id", "created_by")) {
          if (activity.row().get(field) instanceof UUID user) {
            ids.add(user);
          }
        }
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
