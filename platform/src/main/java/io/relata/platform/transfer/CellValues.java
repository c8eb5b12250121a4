package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.relata.metadata.definition.FieldKind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
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

  /** The cell as JSON for a field of {@code kind}; {@code null} when it is empty. */
  static JsonNode json(FieldKind kind, String cell, boolean decimalComma) {
    String text = neutralisedBack(cell);
    if (text.isEmpty()) {
      return null;
    }
    switch (kind) {
      case NUMBER, CURRENCY, PERCENT -> {
        String plain = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (decimalComma) {
          plain = plain.replace(',', '.');
        }
        return NUMBER.matcher(plain).matches()
            ? NODES.numberNode(new BigDecimal(plain))
            : NODES.textNode(text);
      }
      case BOOLEAN -> {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "y", "1", "x" -> {
            return NODES.booleanNode(true);
          }
          case "false", "no", "n", "0" -> {
            return NODES.booleanNode(false);
          }
          default -> {
            return NODES.textNode(text);
          }
        }
      }
      case DATE -> {
        Matcher dotted = DOTTED_DATE.matcher(text.strip());
        if (dotted.matches()) {
          return NODES.textNode(
              String.format(
                  "%s-%02d-%02d",
                  dotted.group(3),
                  Integer.parseInt(dotted.group(2)),
                  Integer.parseInt(dotted.group(1))));
        }
        return NODES.textNode(text.strip());
      }
      case MULTI_PICKLIST -> {
        ArrayNode values = NODES.arrayNode();
        for (String value : text.split(";")) {
          if (!value.isBlank()) {
            values.add(value.strip());
          }
        }
        return values;
      }
      case JSON -> {
        try {
          return io.relata.platform.json.JsonCodec.read(
              new java.io.ByteArrayInputStream(
                  text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              text.length() * 4L + 1);
        } catch (RuntimeException e) {
          return NODES.textNode(text);
        }
      }
      default -> {
        return NODES.textNode(text);
      }
    }
  }

  /** Undoes the export's guard against spreadsheet formulas: {@code '=x} is the text {@code =x}. */
  private static String neutralisedBack(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }
}
