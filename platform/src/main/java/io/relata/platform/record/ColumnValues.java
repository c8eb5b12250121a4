package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.json.JsonCodec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Binds typed record values to JDBC parameters, and reads them back from result sets. */
public final class ColumnValues {

  private ColumnValues() {}

  /** Binds {@code value}, of the Java type the record reader gives its field, at {@code index}. */
  public static void bind(
      Connection connection, PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else if (value instanceof List<?> list) {
      statement.setArray(index, connection.createArrayOf("text", list.toArray()));
    } else if (value instanceof JsonNode json) {
      // untyped, so that PostgreSQL takes it as the jsonb of the column (a varchar would not cast)
      statement.setObject(index, JsonCodec.text(json), Types.OTHER);
    } else if (value instanceof OffsetDateTime instant) {
      statement.setObject(index, instant.withOffsetSameInstant(ZoneOffset.UTC));
    } else {
      statement.setObject(index, value);
    }
  }

  /** How a field of {@code type} is stored; formulas, which have no column, are not. */
  static ColumnType.Storage storage(FieldType type) {
    return FieldTypes.column(type)
        .orElseThrow(() -> new IllegalArgumentException("no column: " + type.id()))
        .storage();
  }

  /** The value of column {@code label} as its field's Java type; {@code null} when SQL NULL. */
  static Object read(ResultSet rows, String label, FieldType type) throws SQLException {
    return read(rows, rows.findColumn(label), storage(type));
  }

  /**
   * The value of the {@code column}th column as its storage's Java type; {@code null} when SQL
   * NULL.
   */
  static Object read(ResultSet rows, int column, ColumnType.Storage storage) throws SQLException {
    Object value =
        switch (storage) {
          case DECIMAL -> rows.getBigDecimal(column);
          case BOOLEAN -> rows.getBoolean(column);
          case DATE -> rows.getObject(column, LocalDate.class);
          case INSTANT -> rows.getObject(column, OffsetDateTime.class);
          case TEXT_ARRAY -> {
            Array array = rows.getArray(column);
            yield array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
          }
          case UUID -> rows.getObject(column, UUID.class);
          case JSON -> {
            String text = rows.getString(column);
            yield text == null ? null : JsonCodec.parse(text);
          }
          case TEXT -> rows.getString(column);
        };
    return rows.wasNull() ? null : value;
  }
}
