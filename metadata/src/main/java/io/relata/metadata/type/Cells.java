package io.relata.metadata.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spreadsheet cells as the JSON a client would have sent: numbers with a decimal comma and spaces
 * between thousands ({@code 1 234,50}), booleans as yes/no/1/0, dates as ISO or {@code 31.12.2026},
 * multi-picklist values separated by {@code ;}. A cell that does not convert is passed on as text,
 * so that the record's checks report it at its field like any wrong value.
 */
final class Cells {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d{1,4})?");

  private Cells() {}

  static JsonNode text(String text, boolean decimalComma) {
    return NODES.textNode(text);
  }

  static JsonNode number(String text, boolean decimalComma) {
    String plain = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
    if (decimalComma) {
      plain = plain.replace(',', '.');
    }
    return NUMBER.matcher(plain).matches()
        ? NODES.numberNode(new BigDecimal(plain))
        : NODES.textNode(text);
  }

  static JsonNode bool(String text, boolean decimalComma) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "x" -> NODES.booleanNode(true);
      case "false", "no", "n", "0" -> NODES.booleanNode(false);
      default -> NODES.textNode(text);
    };
  }

  static JsonNode date(String text, boolean decimalComma) {
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

  static JsonNode list(String text, boolean decimalComma) {
    ArrayNode values = NODES.arrayNode();
    for (String value : text.split(";")) {
      if (!value.isBlank()) {
        values.add(value.strip());
      }
    }
    return values;
  }
}
