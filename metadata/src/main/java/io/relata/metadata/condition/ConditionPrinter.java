package io.relata.metadata.condition;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Writes an {@link Expression} in the text form that {@link ConditionParser} reads back to the same
 * tree, with parentheses only where precedence needs them. A condition builder on screens writes
 * its conditions through it, and stored documents in an older syntax are rewritten with it.
 */
public final class ConditionPrinter {

  private static final int IMPLIES = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int NOT = 4;
  private static final int TEST = 5;
  private static final int SUM = 6;
  private static final int PRODUCT = 7;
  private static final int UNARY = 8;
  private static final int PRIMARY = 9;

  private ConditionPrinter() {}

  public static String print(Expression expression) {
    return print(expression, IMPLIES);
  }

  private static String print(Expression e, int context) {
    int own = precedence(e);
    String text = text(e);
    return own < context ? "(" + text + ")" : text;
  }

  private static String text(Expression e) {
    if (e instanceof Expression.Literal literal) {
      return literal(literal.value());
    }
    if (e instanceof Expression.Field field) {
      return field.name();
    }
    if (e instanceof Expression.Me) {
      return "me";
    }
    if (e instanceof Expression.Period period) {
      return period.period().name();
    }
    if (e instanceof Expression.Unary unary) {
      return unary.operator().equals("not")
          ? "not " + print(unary.operand(), NOT)
          : "-" + print(unary.operand(), UNARY);
    }
    if (e instanceof Expression.Binary b) {
      int own = precedence(b);
      boolean rightAssociative = own == IMPLIES;
      int left = rightAssociative ? own + 1 : own;
      int right = rightAssociative ? own : own + 1;
      if (own == TEST) {
        left = SUM;
        right = SUM;
      }
      return print(b.left(), left) + " " + b.operator() + " " + print(b.right(), right);
    }
    if (e instanceof Expression.Among among) {
      return print(among.operand(), SUM)
          + (among.negated() ? " not in (" : " in (")
          + among.values().stream().map(v -> print(v, SUM)).collect(Collectors.joining(", "))
          + ")";
    }
    if (e instanceof Expression.Between between) {
      return print(between.operand(), SUM)
          + " between "
          + print(between.low(), SUM)
          + " and "
          + print(between.high(), SUM);
    }
    if (e instanceof Expression.IsNull isNull) {
      return print(isNull.operand(), SUM) + (isNull.negated() ? " is not null" : " is null");
    }
    if (e instanceof Expression.IsChanged changed) {
      return print(changed.operand(), SUM) + " is changed";
    }
    Expression.Call call = (Expression.Call) e;
    return call.function()
        + "("
        + call.arguments().stream().map(a -> print(a, IMPLIES)).collect(Collectors.joining(", "))
        + ")";
  }

  private static int precedence(Expression e) {
    if (e instanceof Expression.Binary b) {
      return switch (b.operator()) {
        case "implies" -> IMPLIES;
        case "or" -> OR;
        case "and" -> AND;
        case "+", "-" -> SUM;
        case "*", "/" -> PRODUCT;
        default -> TEST;
      };
    }
    if (e instanceof Expression.Unary unary) {
      return unary.operator().equals("not") ? NOT : UNARY;
    }
    if (e instanceof Expression.Among
        || e instanceof Expression.Between
        || e instanceof Expression.IsNull
        || e instanceof Expression.IsChanged) {
      return TEST;
    }
    if (e instanceof Expression.Literal literal
        && literal.value() instanceof BigDecimal number
        && number.signum() < 0) {
      return UNARY;
    }
    return PRIMARY;
  }

  private static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    return value.toString();
  }

  /**
   * A formula or validation rule written in the syntax before the one condition language, in
   * today's: {@code ==} becomes {@code =}, single-quoted text double-quoted, {@code contains(a, b)}
   * becomes {@code a contains b}. Text that the old syntax cannot read (today's syntax among it) is
   * returned as it is.
   */
  public static String upgrade(String legacy) {
    try {
      return print(LegacySyntax.parse(legacy));
    } catch (ConditionException e) {
      return legacy;
    }
  }
}
