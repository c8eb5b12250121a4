package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves references for {@code ?expand=}: each referenced id becomes {@code {"id", "name"}}, with
 * one query per expanded field for a whole page of records. Users are named as people see them:
 * their display name, else their username.
 */
final class Expansions {

  private Expansions() {}

  /** The expanded references of {@code rows}, by field name, then by id. */
  static Map<String, Map<UUID, ObjectNode>> of(
      Connection connection,
      CompiledObjects.Snapshot objects,
      AccessEvaluator evaluator,
      CompiledObject object,
      List<String> fields,
      Collection<Map<String, Object>> rows,
      Clock clock)
      throws SQLException {
    Map<String, Map<UUID, ObjectNode>> expanded = new HashMap<>();
    for (String name : fields) {
      FieldDefinition field = object.field(name).orElseThrow();
      Set<UUID> ids = new LinkedHashSet<>();
      rows.forEach(
          row -> {
            if (row.get(name) instanceof UUID id) {
              ids.add(id);
            }
          });
      expanded.put(
          name,
          ids.isEmpty() ? Map.of() : names(connection, objects, evaluator, field, ids, clock));
    }
    return expanded;
  }

  private static Map<UUID, ObjectNode> names(
      Connection connection,
      CompiledObjects.Snapshot objects,
      AccessEvaluator evaluator,
      FieldDefinition field,
      Set<UUID> ids,
      Clock clock)
      throws SQLException {
    Map<UUID, ObjectNode> names = new HashMap<>();
    if (field.type() instanceof FieldType.User) {
      String sql =
          "SELECT \"id\", coalesce(nullif(\"display_name\", ''), \"username\")"
              + " FROM \"relata\".\"app_user\" WHERE \"id\" = ANY(?)";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            names.put(id, reference(id, rows.getString(2)));
          }
        }
      }
      return names;
    }
    String target =
        field.type() instanceof FieldType.Lookup lookup
            ? lookup.target()
            : ((FieldType.MasterDetail) field.type()).target();
    CompiledObject targetObject = objects.object(target).orElseThrow();
    ObjectAccess access = evaluator.on(targetObject.definition());
    if (!access.rights().read()) {
      return names;
    }
    // only records the user may read are named; a hidden name field names none
    String nameField = targetObject.definition().nameField();
    boolean named = access.visible(nameField);
    Sql readable = access.read().condition();
    String sql =
        "SELECT "
            + targetObject.selectList()
            + " FROM "
            + targetObject.table()
            + " WHERE \"id\" = ANY(?) AND "
            + readable.text();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      for (int i = 0; i < readable.binds().size(); i++) {
        ColumnValues.bind(connection, statement, i + 2, readable.binds().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Map<String, Object> row =
              Formulas.compute(targetObject, RecordStore.row(rows, targetObject), clock);
          UUID id = (UUID) row.get("id");
          Object name = named ? row.get(nameField) : null;
          names.put(id, reference(id, name == null ? null : name.toString()));
        }
      }
    }
    return names;
  }

  private static ObjectNode reference(UUID id, String name) {
    ObjectNode node = JsonCodec.object().put("id", id.toString());
    return name == null ? node.putNull("name") : node.put("name", name);
  }
}
