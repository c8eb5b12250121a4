package io.relata.platform.database;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Values in PostgreSQL's {@code COPY} text format: {@code \N} for null, backslash escapes for tab,
 * newline, carriage return and backslash, arrays as array literals. Anything else is written as its
 * {@code toString()}: callers turn JSON into text themselves, with their codec.
 */
public final class CopyText {

  private record Formatted(OffsetDateTime instant, String text) {}

  private static volatile Formatted lastInstant;

  private CopyText() {}

  /** Appends {@code value} as one COPY field. */
  public static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof Boolean bool) {
      out.append(bool ? 't' : 'f');
    } else if (value instanceof BigDecimal number) {
      out.append(number.toPlainString());
    } else if (value instanceof OffsetDateTime instant) {
      // the rows of one batch share their instants: each is formatted once
      Formatted last = lastInstant;
      if (last == null || !last.instant().equals(instant)) {
        last = new Formatted(instant, instant.withOffsetSameInstant(ZoneOffset.UTC).toString());
        lastInstant = last;
      }
      out.append(last.text());
    } else if (value instanceof byte[] bytes) {
      out.append("\\\\x").append(HexFormat.of().formatHex(bytes)); // bytea, its backslash escaped
    } else if (value instanceof List<?> list) {
      StringBuilder array = new StringBuilder("{");
      for (int i = 0; i < list.size(); i++) {
        String item = String.valueOf(list.get(i));
        array.append(i == 0 ? "" : ",").append('"');
        array.append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      escape(out, array.append('}').toString());
    } else {
      escape(out, value.toString());
    }
  }

  private static void escape(StringBuilder out, String text) {
    int first = 0;
    while (first < text.length() && !special(text.charAt(first))) {
      first++;
    }
    out.append(text, 0, first); // most values have nothing to escape: appended whole
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static boolean special(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r';
  }
}
