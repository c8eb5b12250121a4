package io.relata.metadata.expression;

import java.util.List;

/**
 * An expression that cannot be parsed or does not type-check: a message code, its arguments and the
 * position in the source.
 */
public final class ExpressionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int position;
  private final transient List<String> args;

  ExpressionException(String code, int position, String... args) {
    super(code + " at " + position + " " + List.of(args), null, false, false);
    this.code = code;
    this.position = position;
    this.args = List.of(args);
  }

  public String code() {
    return code;
  }

  public int position() {
    return position;
  }

  public List<String> args() {
    return args;
  }
}
