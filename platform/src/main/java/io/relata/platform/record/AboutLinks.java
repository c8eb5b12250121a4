package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The links of fields of type {@code about}: {@code {"object": …, "id": …}}, a record of any
 * object, kept as JSON with an index on the id. Such a link has no foreign key, so the platform
 * keeps what one would: a link is written only to a live record the writer may read, and records
 * about a record are purged with it (the recycle bin moves them with it: {@link RecycleBin}).
 */
final class AboutLinks {

  private AboutLinks() {}

  /** The SQL condition "{@code field} is about record {@code id} of {@code object}". */
  static Sql about(FieldDefinition field, String object, UUID id) {
    String column = quote(field.name());
    return Sql.of(column + "->>'id' = ? AND " + column + "->>'object' = ?", id.toString(), object);
  }

  /**
   * The rows of {@code rows} whose link in {@code field} names no live record the writer may read:
   * an unknown object, an object whose records are themselves about others, a record that is not
   * there, deleted, or out of the writer's reach. One query per object named.
   */
  static Set<Map<String, Object>> dead(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      AccessEvaluator writer,
      FieldDefinition field,
      Collection<Map<String, Object>> rows)
      throws SQLException {
    Map<String, Set<UUID>> byObject = new HashMap<>();
    for (Map<String, Object> row : rows) {
      if (row.get(field.name()) instanceof JsonNode link) {
        byObject
            .computeIfAbsent(link.path("object").asText(), k -> new HashSet<>())
            .add(UUID.fromString(link.path("id").asText()));
      }
    }
    Map<String, Set<UUID>> live = new HashMap<>();
    for (Map.Entry<String, Set<UUID>> named : byObject.entrySet()) {
      CompiledObject target = snapshot.object(named.getKey()).orElse(null);
      if (target == null || AccessEvaluator.about(target.definition()).isPresent()) {
        continue;
      }
      // without the read right on the object this reaches nothing (ObjectAccess)
      Sql reachable = writer.on(target.definition()).read().condition();
      String sql =
          "SELECT \"id\" FROM "
              + target.table()
              + " WHERE \"id\" = ANY(?) AND \"deleted_at\" IS NULL AND "
              + reachable.text()
              + " FOR SHARE";
      Set<UUID> found = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setArray(1, connection.createArrayOf("uuid", named.getValue().toArray()));
        for (int i = 0; i < reachable.binds().size(); i++) {
          ColumnValues.bind(connection, statement, i + 2, reachable.binds().get(i));
        }
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            found.add(result.getObject(1, UUID.class));
          }
        }
      }
      live.put(named.getKey(), found);
    }
    Set<Map<String, Object>> dead =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Map<String, Object> row : rows) {
      if (row.get(field.name()) instanceof JsonNode link
          && !live.getOrDefault(link.path("object").asText(), Set.of())
              .contains(UUID.fromString(link.path("id").asText()))) {
        dead.add(row);
      }
    }
    return dead;
  }

  /** Deletes for good the records about record {@code id} of {@code object}, which is purged. */
  static void purge(
      Connection connection, CompiledObjects.Snapshot snapshot, String object, UUID id)
      throws SQLException {
    for (CompiledObjects.Reference reference : snapshot.aboutAny()) {
      CompiledObject referring = snapshot.object(reference.object()).orElseThrow();
      Sql about = about(reference.field(), object, id);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "DELETE FROM " + referring.table() + " WHERE " + about.text())) {
        List<Object> binds = new ArrayList<>(about.binds());
        for (int i = 0; i < binds.size(); i++) {
          statement.setObject(i + 1, binds.get(i));
        }
        statement.executeUpdate();
      }
    }
  }
}
