package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.PicklistValue;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.metadata.CoreDocuments;
import io.relata.platform.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The activities about one record, as the timeline shows them: newest first by when they are due,
 * else when they were logged. Whoever reads the record reads its activities, given the read right
 * on activities; each shows only the fields its reader may see.
 */
final class TimelineActivities {

  /** The fields of an activity the timeline shows, when the reader may see them. */
  static final List<String> SHOWN = List.of("kind", "subject", "body", "due", "done");

  /** One activity and its place in the timeline. */
  record Found(TimelineQuery.ActivityKey key, Map<String, Object> row) {}

  private final CompiledObject activity;
  private final FieldDefinition about;
  private final ObjectAccess access;

  private TimelineActivities(CompiledObject activity, FieldDefinition about, ObjectAccess access) {
    this.activity = activity;
    this.about = about;
    this.access = access;
  }

  /**
   * The activities the reader may see on this revision; empty when there is no activity object (an
   * admin's object took its name) or the reader may not read activities.
   */
  static Optional<TimelineActivities> of(
      CompiledObjects.Snapshot snapshot, AccessEvaluator reader) {
    Optional<CompiledObject> activity = snapshot.object(CoreDocuments.ACTIVITY);
    Optional<FieldDefinition> about = activity.flatMap(a -> AccessEvaluator.about(a.definition()));
    if (about.isEmpty()) {
      return Optional.empty();
    }
    ObjectAccess access = reader.on(activity.get().definition());
    if (!access.rights().read()) {
      return Optional.empty();
    }
    return Optional.of(new TimelineActivities(activity.get(), about.get(), access));
  }

  ObjectAccess access() {
    return access;
  }

  /**
   * The kinds of activity, by name, that a reader may filter by: the values of the {@code kind}
   * picklist, when they may see it.
   */
  Set<String> kinds() {
    return activity
        .field("kind")
        .filter(f -> access.visible("kind"))
        .map(FieldDefinition::type)
        .filter(FieldType.Picklist.class::isInstance)
        .map(
            t ->
                ((FieldType.Picklist) t)
                    .values().stream()
                        .map(PicklistValue::name)
                        .collect(
                            java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))
        .map(s -> (Set<String>) s)
        .orElse(Set.of());
  }

  /**
   * Up to {@code limit} activities about record {@code id} of {@code object} that come after {@code
   * after}, of {@code kinds} (every kind when empty).
   */
  List<Found> read(
      Connection connection,
      String object,
      UUID id,
      Set<String> kinds,
      Optional<TimelineQuery.ActivityKey> after,
      int limit)
      throws SQLException {
    String when = when();
    Sql about = AboutLinks.about(this.about, object, id);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(activity.selectList())
            .append(", ")
            .append(when)
            .append(" FROM ")
            .append(activity.table())
            .append(" WHERE ")
            .append(about.text())
            .append(" AND \"deleted_at\" IS NULL");
    List<Object> binds = new ArrayList<>(about.binds());
    if (!kinds.isEmpty()) {
      sql.append(" AND \"kind\" = ANY(?)");
      binds.add(List.copyOf(kinds));
    }
    if (after.isPresent()) {
      sql.append(" AND (").append(when).append(", \"id\") < (?, ?)");
      binds.add(after.get().at());
      binds.add(after.get().id());
    }
    sql.append(" ORDER BY ").append(when).append(" DESC, \"id\" DESC LIMIT ?");
    binds.add(limit);
    List<Found> found = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < binds.size(); i++) {
        ColumnValues.bind(connection, select, i + 1, binds.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Map<String, Object> row = RecordStore.row(rows, activity);
          OffsetDateTime at = rows.getObject(activity.columns().size() + 1, OffsetDateTime.class);
          found.add(new Found(new TimelineQuery.ActivityKey(at, (UUID) row.get("id")), row));
        }
      }
    }
    return found;
  }

  /** The values of {@code row} the timeline shows and the reader may see. */
  Map<String, Object> shown(Map<String, Object> row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : SHOWN) {
      if (row.containsKey(name) && access.visible(name)) {
        values.put(name, row.get(name));
      }
    }
    return values;
  }

  /**
   * An activity's time: when it is due, where the reader may see that, else when it was logged. A
   * reader who may not see the due time does not get the activities ordered by it.
   */
  private String when() {
    boolean due =
        activity.field("due").map(f -> f.type() instanceof FieldType.DateTime).orElse(false)
            && access.visible("due");
    return due ? "coalesce(" + quote("due") + ", \"created_at\")" : "\"created_at\"";
  }
}
