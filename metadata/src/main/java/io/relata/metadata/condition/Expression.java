package io.relata.metadata.condition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A condition or value as written, in text or as JSON, before it is typed: fields by name, literals
 * as read. The checker turns it into a {@link Typed} tree against an object.
 */
public sealed interface Expression {

  /** Where the node was written, for problems. */
  Where where();

  /**
   * A place in what the admin wrote.
   *
   * @param offset the character offset in the text form, from 0; -1 in the JSON form
   * @param pointer the JSON pointer in the JSON form; {@code ""} in the text form
   */
  record Where(int offset, String pointer) {
    public static Where at(int offset) {
      return new Where(offset, "");
    }

    public static Where in(String pointer) {
      return new Where(-1, pointer);
    }
  }

  /**
   * A literal: {@link String}, {@link java.math.BigDecimal}, {@link Boolean}, {@link
   * java.time.LocalDate} or {@link java.time.OffsetDateTime} (written bare), or {@code null}.
   */
  record Literal(Object value, Where where) implements Expression {}

  /** A field of the record, custom or system, by name. */
  record Field(String name, Where where) implements Expression {}

  /** {@code me}: the acting user. */
  record Me(Where where) implements Expression {}

  /** A period relative to today, such as {@code this_quarter}. */
  record Period(RelativeDate period, Where where) implements Expression {}

  /** {@code -x} or {@code not x}. */
  record Unary(String operator, Expression operand, Where where) implements Expression {}

  /**
   * {@code a op b}: {@code and or implies = != < <= > >= + - * /}, and the text tests {@code
   * contains} and {@code starts with}.
   */
  record Binary(String operator, Expression left, Expression right, Where where)
      implements Expression {}

  /** {@code x in (a, b)}, or {@code not in}. */
  record Among(Expression operand, List<Expression> values, boolean negated, Where where)
      implements Expression {
    public Among {
      values = List.copyOf(values);
    }
  }

  /** {@code x between low and high}. */
  record Between(Expression operand, Expression low, Expression high, Where where)
      implements Expression {}

  /** {@code x is null}, or {@code is not null}. */
  record IsNull(Expression operand, boolean negated, Where where) implements Expression {}

  /** {@code field is changed}: the write changes the field. */
  record IsChanged(Expression operand, Where where) implements Expression {}

  /** A call of a built-in function, {@code prior(field)} among them. */
  record Call(String function, List<Expression> arguments, Where where) implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** The names of the fields {@code expression} reads, in the order it names them. */
  static Set<String> fields(Expression expression) {
    Set<String> names = new LinkedHashSet<>();
    collect(expression, names);
    return names;
  }

  private static void collect(Expression e, Set<String> names) {
    if (e instanceof Field field) {
      names.add(field.name());
    } else if (e instanceof Unary unary) {
      collect(unary.operand(), names);
    } else if (e instanceof Binary binary) {
      collect(binary.left(), names);
      collect(binary.right(), names);
    } else if (e instanceof Among among) {
      collect(among.operand(), names);
      among.values().forEach(value -> collect(value, names));
    } else if (e instanceof Between between) {
      collect(between.operand(), names);
      collect(between.low(), names);
      collect(between.high(), names);
    } else if (e instanceof IsNull isNull) {
      collect(isNull.operand(), names);
    } else if (e instanceof IsChanged changed) {
      collect(changed.operand(), names);
    } else if (e instanceof Call call) {
      call.arguments().forEach(argument -> collect(argument, names));
    }
  }
}
