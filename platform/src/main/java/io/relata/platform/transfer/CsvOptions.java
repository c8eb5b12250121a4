package io.relata.platform.transfer;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * What the importer said about a CSV file; an empty value means "detect it".
 *
 * @param delimiter one of {@link #DELIMITERS}
 * @param decimalComma whether numbers are written with a decimal comma
 * @param mapping a header's field, by header; an empty name ignores the column. A header not named
 *     here maps to the field of that name or label.
 */
public record CsvOptions(
    Optional<Character> delimiter,
    Optional<Charset> encoding,
    Optional<Boolean> decimalComma,
    Map<String, String> mapping) {

  /** The delimiters a file may use: comma, semicolon, tab and bar. */
  public static final java.util.List<Character> DELIMITERS = java.util.List.of(',', ';', '\t', '|');

  public CsvOptions {
    mapping = Map.copyOf(mapping);
  }

  /** Everything detected, every header mapped by its name or label. */
  public static CsvOptions detect() {
    return new CsvOptions(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  /** These options with {@code mapping}. */
  public CsvOptions mapping(Map<String, String> mapping) {
    return new CsvOptions(delimiter, encoding, decimalComma, mapping);
  }
}
