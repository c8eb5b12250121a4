package io.relata.platform.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats auto-numbers: {@code CASE-{00000}} with 42 gives {@code CASE-00042}; the zeros are the
 * minimum width, a longer number is never cut.
 */
final class AutoNumbers {

  private static final Pattern DIGITS = Pattern.compile("\\{(0+)\\}");

  private AutoNumbers() {}

  static String format(String format, long number) {
    Matcher digits = DIGITS.matcher(format);
    if (!digits.find()) {
      return format + number;
    }
    String padded = String.format("%0" + digits.group(1).length() + "d", number);
    return format.substring(0, digits.start()) + padded + format.substring(digits.end());
  }
}
