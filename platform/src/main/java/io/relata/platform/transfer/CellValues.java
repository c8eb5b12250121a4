package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypes;

/**
 * CSV cells as the JSON a client would have sent, as each field type reads a cell (its registry
 * entry: decimal commas, yes/no, dotted dates, multi-picklist values separated by {@code ;}); a
 * JSON column's cell is read as strictly as a request body. A cell that does not convert is passed
 * on as text, so that the record's checks report it at its field like any wrong value. An empty
 * cell is no value.
 */
final class CellValues {

  private CellValues() {}

  /** The cell as JSON for a field of {@code type}; {@code null} when it is empty. */
  static JsonNode json(FieldType type, String cell, boolean decimalComma) {
    String text = neutralisedBack(cell);
    if (text.isEmpty()) {
      return null;
    }
    JsonNode value = FieldTypes.of(type).cell(text, decimalComma);
    boolean json =
        FieldTypes.column(type).map(c -> c.storage() == ColumnType.Storage.JSON).orElse(false);
    if (json && value.isTextual()) {
      // a JSON column's cell is JSON text, read as strictly as a request body
      try {
        return io.relata.platform.json.JsonCodec.read(
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            text.length() * 4L + 1);
      } catch (RuntimeException e) {
        return value;
      }
    }
    return value;
  }

  /** Undoes the export's guard against spreadsheet formulas: {@code '=x} is the text {@code =x}. */
  private static String neutralisedBack(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }
}
