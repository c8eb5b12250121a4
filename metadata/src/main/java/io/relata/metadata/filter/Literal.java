package io.relata.metadata.filter;

import java.math.BigDecimal;

/** A value as written in a filter, before its field gives it a type. */
public sealed interface Literal {

  /** A quoted string, or a date written bare ({@code 2026-12-31}). */
  record Text(String value) implements Literal {}

  record Number(BigDecimal value) implements Literal {}

  record Bool(boolean value) implements Literal {}

  /** A period relative to today, such as {@code this_quarter}. */
  record Relative(RelativeDate period) implements Literal {}

  /** The acting user ({@code me}), for owner and user fields. */
  record Me() implements Literal {}
}
