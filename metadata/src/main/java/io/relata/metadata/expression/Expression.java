package io.relata.metadata.expression;

import java.math.BigDecimal;
import java.util.List;

/** A parsed expression: a closed set of node types. */
public sealed interface Expression {

  /** Where the node starts in the source, counted from 0, for error messages. */
  int position();

  /** A number, text, boolean or {@code null}. */
  record Literal(Object value, int position) implements Expression {}

  /** A field of the record (custom or system), by name. */
  record Field(String name, int position) implements Expression {}

  /** {@code -x} or {@code not x}. */
  record Unary(String operator, Expression operand, int position) implements Expression {}

  /** {@code a op b}, for arithmetic, comparison and logic. */
  record Binary(String operator, Expression left, Expression right, int position)
      implements Expression {}

  /** A call of one of the built-in functions. */
  record Call(String function, List<Expression> arguments, int position) implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** The names of the fields {@code expression} reads, in the order it names them. */
  static java.util.Set<String> fields(Expression expression) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    collect(expression, names);
    return names;
  }

  private static void collect(Expression e, java.util.Set<String> names) {
    if (e instanceof Field field) {
      names.add(field.name());
    } else if (e instanceof Unary unary) {
      collect(unary.operand(), names);
    } else if (e instanceof Binary binary) {
      collect(binary.left(), names);
      collect(binary.right(), names);
    } else if (e instanceof Call call) {
      call.arguments().forEach(argument -> collect(argument, names));
    }
  }

  static Literal number(String digits, int position) {
    return new Literal(new BigDecimal(digits), position);
  }
}
