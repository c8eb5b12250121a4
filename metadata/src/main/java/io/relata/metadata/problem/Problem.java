package io.relata.metadata.problem;

import java.util.List;

/**
 * One thing wrong with a definition.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending part of the document, {@code ""} for the
 *     whole document
 * @param code the message code, for example {@code field.duplicate-name}; the text lives in the
 *     resource bundles of the layer that shows it
 * @param args the message's arguments
 */
public record Problem(String pointer, String code, List<String> args) {

  public Problem {
    args = List.copyOf(args);
  }

  public static Problem at(String pointer, String code, Object... args) {
    return new Problem(pointer, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
