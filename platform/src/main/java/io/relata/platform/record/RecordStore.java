package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.platform.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of single records: find, insert, update. Identifiers come from the compiled object,
 * values are bound; nothing here decides anything.
 */
final class RecordStore {

  private RecordStore() {}

  /**
   * The live record (or the one in the recycle bin), locked for update when {@code lock} is set.
   */
  static Optional<Map<String, Object>> find(
      Connection connection, CompiledObject object, UUID id, boolean recycled, boolean lock)
      throws SQLException {
    return find(connection, object, id, recycled, lock, Sql.of("TRUE"));
  }

  /** The record, if it exists and meets {@code condition} (a record predicate of the reader). */
  static Optional<Map<String, Object>> find(
      Connection connection,
      CompiledObject object,
      UUID id,
      boolean recycled,
      boolean lock,
      Sql condition)
      throws SQLException {
    String sql =
        "SELECT "
            + object.selectList()
            + " FROM "
            + object.table()
            + " WHERE \"id\" = ? AND \"deleted_at\" IS "
            + (recycled ? "NOT NULL" : "NULL")
            + " AND "
            + condition.text()
            + (lock ? " FOR UPDATE" : "");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, id);
      for (int i = 0; i < condition.binds().size(); i++) {
        ColumnValues.bind(connection, statement, i + 2, condition.binds().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(row(rows, object)) : Optional.empty();
      }
    }
  }

  /** Inserts the stored columns in {@code values} and answers the row as stored. */
  static Map<String, Object> insert(
      Connection connection, CompiledObject object, Map<String, Object> values)
      throws SQLException {
    List<String> names = new ArrayList<>(values.keySet());
    String sql =
        "INSERT INTO "
            + object.table()
            + " ("
            + names.stream().map(n -> quote(n)).collect(Collectors.joining(", "))
            + ") VALUES ("
            + names.stream().map(n -> "?").collect(Collectors.joining(", "))
            + ") RETURNING "
            + object.selectList();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < names.size(); i++) {
        ColumnValues.bind(connection, statement, i + 1, values.get(names.get(i)));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return row(rows, object);
      }
    }
  }

  /** Sets {@code values} on the record and answers the row as stored. */
  static Map<String, Object> update(
      Connection connection, CompiledObject object, UUID id, Map<String, Object> values)
      throws SQLException {
    List<String> names = new ArrayList<>(values.keySet());
    String sql =
        "UPDATE "
            + object.table()
            + " SET "
            + names.stream().map(n -> quote(n) + " = ?").collect(Collectors.joining(", "))
            + ", \"version\" = \"version\" + 1 WHERE \"id\" = ? RETURNING "
            + object.selectList();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (String name : names) {
        ColumnValues.bind(connection, statement, i++, values.get(name));
      }
      statement.setObject(i, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return row(rows, object);
      }
    }
  }

  /**
   * The stored values of the current row, by column name. The row holds {@link
   * CompiledObject#selectList()}, in order, from its first column.
   */
  static Map<String, Object> row(ResultSet rows, CompiledObject object) throws SQLException {
    List<Column> columns = object.columns();
    Map<String, Object> values = new LinkedHashMap<>(columns.size() * 2);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      values.put(column.name(), ColumnValues.read(rows, i + 1, column.storage()));
    }
    return values;
  }
}
