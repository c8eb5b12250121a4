package io.relata.platform.transfer;

import io.relata.platform.record.QueryParameters;
import java.util.Optional;

/** The query parameters import and export share: the format, the delimiter, and flags. */
final class TransferParameters {

  private TransferParameters() {}

  static boolean csv(String format) {
    if (format == null || format.equals("csv")) {
      return true;
    }
    if (format.equals("ndjson")) {
      return false;
    }
    throw QueryParameters.invalid("format", "import.format");
  }

  static Optional<Character> delimiter(String delimiter) {
    if (delimiter == null) {
      return Optional.empty();
    }
    String value = delimiter.equals("tab") ? "\t" : delimiter;
    if (value.length() != 1 || !CsvOptions.DELIMITERS.contains(value.charAt(0))) {
      throw QueryParameters.invalid("delimiter", "import.delimiter");
    }
    return Optional.of(value.charAt(0));
  }

  static boolean flag(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw QueryParameters.invalid(name, "query.type", "true or false");
  }
}
