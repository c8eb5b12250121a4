package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldKind;
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
      statement.setString(index, JsonCodec.text(json));
    } else if (value instanceof OffsetDateTime instant) {
      statement.setObject(index, instant.withOffsetSameInstant(ZoneOffset.UTC));
    } else {
      statement.setObject(index, value);
    }
  }

  /** The value of column {@code label} as its field's Java type; {@code null} when SQL NULL. */
  static Object read(ResultSet rows, String label, FieldKind kind) throws SQLException {
    return read(rows, rows.findColumn(label), kind);
  }

  /**
   * The value of the {@code column}th column as its field's Java type; {@code null} when SQL NULL.
   */
  static Object read(ResultSet rows, int column, FieldKind kind) throws SQLException {
    Object value =
        switch (kind) {
          case NUMBER, CURRENCY, PERCENT, ROLL_UP -> rows.getBigDecimal(column);
          case BOOLEAN -> rows.getBoolean(column);
          case DATE -> rows.getObject(column, LocalDate.class);
          case DATETIME -> rows.getObject(column, OffsetDateTime.class);
          case MULTI_PICKLIST -> {
            Array array = rows.getArray(column);
            yield array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
          }
          case LOOKUP, MASTER_DETAIL, USER -> rows.getObject(column, UUID.class);
          case JSON -> {
            String text = rows.getString(column);
            yield text == null ? null : JsonCodec.parse(text);
          }
          case TEXT, LONG_TEXT, RICH_TEXT, EMAIL, PHONE, URL, PICKLIST, AUTO_NUMBER, STAGE ->
              rows.getString(column);
          case FORMULA -> throw new IllegalArgumentException("formulas have no column");
        };
    return rows.wasNull() ? null : value;
  }
}
