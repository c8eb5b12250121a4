package io.relata.metadata.condition;

import io.relata.metadata.type.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules for values that both back ends follow, written once for the in-memory side; the SQL
 * back end spells the same rules in SQL. Text orders by code point and changes case a character at
 * a time (Unicode's simple mappings), as PostgreSQL's built-in {@code C.UTF-8} locale does; trim
 * removes spaces, tabs and line breaks; division rounds half up to {@value #DIVISION_SCALE}
 * decimals; a date moves by the whole part of a number of days below a million.
 */
public final class Values {

  public static final int DIVISION_SCALE = 10;
  public static final long MAX_DAYS = 1_000_000;
  public static final String TRIMMED = " \t\n\r";

  private Values() {}

  /** A field's value as the back ends take it: ids as UUIDs, instants in UTC. */
  static Object normalise(Object value, ValueType type) {
    if (value instanceof String text && type == ValueType.ID) {
      return UUID.fromString(text);
    }
    if (value instanceof OffsetDateTime instant) {
      return instant.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Collection<?> values && !(value instanceof List<?>)) {
      return List.copyOf(values);
    }
    return value;
  }

  public static String lower(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
    return lower.toString();
  }

  public static String upper(String text) {
    StringBuilder upper = new StringBuilder(text.length());
    text.codePoints().map(Character::toUpperCase).forEach(upper::appendCodePoint);
    return upper.toString();
  }

  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && TRIMMED.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && TRIMMED.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(start, end);
  }

  static boolean blank(Object value) {
    return value == null
        || (value instanceof String text && trim(text).isEmpty())
        || (value instanceof Collection<?> values && values.isEmpty());
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    return divisor.signum() == 0
        ? null
        : dividend.divide(divisor, DIVISION_SCALE, RoundingMode.HALF_UP);
  }

  /** The whole days of {@code number}, if below {@link #MAX_DAYS}. */
  static Optional<Long> days(BigDecimal number) {
    return number.abs().compareTo(BigDecimal.valueOf(MAX_DAYS)) < 0
        ? Optional.of(number.longValue())
        : Optional.empty();
  }

  static boolean temporal(Object value) {
    return value instanceof LocalDate || value instanceof OffsetDateTime;
  }
}
