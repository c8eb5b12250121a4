package io.relata.metadata.filter;

import java.util.Arrays;
import java.util.Optional;

/** The comparison a condition makes, by its spelling in both forms. */
public enum Operator {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  IN("in"),
  NOT_IN("not in"),
  CONTAINS("contains"),
  STARTS_WITH("starts with"),
  IS_NULL("is null"),
  IS_NOT_NULL("is not null"),
  BETWEEN("between");

  private final String spelling;

  Operator(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  /** Whether the operator orders values ({@code < <= > >= between}). */
  public boolean ordering() {
    return this == LT || this == LE || this == GT || this == GE || this == BETWEEN;
  }

  public static Optional<Operator> of(String spelling) {
    return Arrays.stream(values()).filter(o -> o.spelling.equals(spelling)).findFirst();
  }
}
