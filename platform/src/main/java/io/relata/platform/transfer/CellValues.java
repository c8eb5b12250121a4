package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.type.FieldTypes;
import java.util.regex.Pattern;

/**
 * CSV cells as the JSON a client would have sent: numbers with a decimal comma and spaces between
 * thousands ({@code 1 234,50}), booleans as yes/no/1/0, dates as ISO or {@code 31.12.2026},
 * multi-picklist values separated by {@code ;}. A cell that does not convert is passed on as text,
 * so that the record's checks report it at its field like any wrong value. An empty cell is no
 * value.
 */
final class CellValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d{1,4})?");

  private CellValues() {}

  /** The cell as JSON for a field of {@code type}; {@code null} when it is empty. */
  static JsonNode json(FieldType type, String cell, boolean decimalComma) {
    String text = neutralisedBack(cell);
    return text.isEmpty() ? null : FieldTypes.of(type).cell(text, decimalComma);
  }

  /** Undoes the export's guard against spreadsheet formulas: {@code '=x} is the text {@code =x}. */
  private static String neutralisedBack(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }
}
