package io.relata.metadata.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a checked expression on a record's values. Logic is three-valued, as in SQL: an
 * operation on an unknown ({@code null}) value is unknown, {@code false and unknown} is false,
 * {@code true or unknown} is true; only {@code ==} and {@code !=} treat {@code null} as a value
 * (like SQL's {@code IS NOT DISTINCT FROM}), so that {@code notes == null} asks whether a field is
 * empty. A validation rule passes unless its condition is false — like a CHECK constraint — so a
 * rule on an empty field does not make the field required.
 *
 * <p>Values: text as {@link String}, numbers as {@link BigDecimal}, {@link Boolean}, {@link
 * LocalDate}, {@link OffsetDateTime}, multi-picklists as lists; anything else compares by equality.
 * Division by zero is unknown.
 */
public final class ExpressionEvaluator {

  private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

  private final Map<String, Object> record;
  private final Clock clock;

  private ExpressionEvaluator(Map<String, Object> record, Clock clock) {
    this.record = record;
    this.clock = clock;
  }

  /** The value of {@code expression} for {@code record}; {@code null} when unknown. */
  public static Object evaluate(Expression expression, Map<String, Object> record, Clock clock) {
    return new ExpressionEvaluator(record, clock).eval(expression);
  }

  /** Whether a validation rule's condition lets the record through (true or unknown). */
  public static boolean passes(Expression condition, Map<String, Object> record, Clock clock) {
    return !Boolean.FALSE.equals(evaluate(condition, record, clock));
  }

  private Object eval(Expression e) {
    if (e instanceof Expression.Literal literal) {
      return literal.value();
    }
    if (e instanceof Expression.Field field) {
      return record.get(field.name());
    }
    if (e instanceof Expression.Unary unary) {
      Object value = eval(unary.operand());
      if (value == null) {
        return null;
      }
      return unary.operator().equals("not") ? !(Boolean) value : ((BigDecimal) value).negate();
    }
    if (e instanceof Expression.Binary binary) {
      return binary(binary);
    }
    return call((Expression.Call) e);
  }

  private Object binary(Expression.Binary b) {
    switch (b.operator()) {
      case "and" -> {
        return kleene(eval(b.left()), b.right(), Boolean.FALSE);
      }
      case "or" -> {
        return kleene(eval(b.left()), b.right(), Boolean.TRUE);
      }
      case "implies" -> {
        Object left = eval(b.left()); // a implies b  ==  not a or b
        return kleene(left == null ? null : !(Boolean) left, b.right(), Boolean.TRUE);
      }
      default -> {
        Object left = eval(b.left());
        Object right = eval(b.right());
        return operate(b.operator(), left, right);
      }
    }
  }

  /**
   * Kleene's logic for {@code and} ({@code decisive} false) and {@code or} (true): the decisive
   * value on either side decides, the right side is evaluated only when the left does not;
   * otherwise unknown wins.
   */
  private Object kleene(Object left, Expression right, Boolean decisive) {
    if (decisive.equals(left)) {
      return decisive;
    }
    Object other = eval(right);
    if (decisive.equals(other)) {
      return decisive;
    }
    return left == null || other == null ? null : !decisive;
  }

  private Object operate(String operator, Object left, Object right) {
    if (operator.equals("==") || operator.equals("!=")) {
      boolean equal = left == null || right == null ? left == right : compare(left, right) == 0;
      return operator.equals("==") == equal;
    }
    if (left == null || right == null) {
      return null;
    }
    switch (operator) {
      case "<" -> {
        return compare(left, right) < 0;
      }
      case "<=" -> {
        return compare(left, right) <= 0;
      }
      case ">" -> {
        return compare(left, right) > 0;
      }
      case ">=" -> {
        return compare(left, right) >= 0;
      }
      case "+" -> {
        if (left instanceof String || right instanceof String) {
          return String.valueOf(left) + right;
        }
        if (left instanceof LocalDate date) {
          return date.plusDays(((BigDecimal) right).longValue());
        }
        return ((BigDecimal) left).add((BigDecimal) right);
      }
      case "-" -> {
        if (left instanceof LocalDate date && right instanceof LocalDate other) {
          return BigDecimal.valueOf(ChronoUnit.DAYS.between(other, date));
        }
        if (left instanceof LocalDate date) {
          return date.minusDays(((BigDecimal) right).longValue());
        }
        return ((BigDecimal) left).subtract((BigDecimal) right);
      }
      case "*" -> {
        return ((BigDecimal) left).multiply((BigDecimal) right);
      }
      default -> {
        BigDecimal divisor = (BigDecimal) right;
        return divisor.signum() == 0 ? null : ((BigDecimal) left).divide(divisor, DIVISION);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) {
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      return a.compareTo(b);
    }
    if (left instanceof Temporal && right instanceof Temporal) {
      return instant(left).compareTo(instant(right));
    }
    if (left instanceof Comparable comparable && left.getClass().equals(right.getClass())) {
      return comparable.compareTo(right);
    }
    return left.equals(right) ? 0 : 1;
  }

  /** A date counts as its first instant, UTC. */
  private static OffsetDateTime instant(Object temporal) {
    return temporal instanceof LocalDate date
        ? date.atStartOfDay().atOffset(ZoneOffset.UTC)
        : ((OffsetDateTime) temporal).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private Object call(Expression.Call call) {
    List<Expression> args = call.arguments();
    switch (call.function()) {
      case "today" -> {
        return LocalDate.now(clock);
      }
      case "now" -> {
        return OffsetDateTime.now(clock);
      }
      case "is_blank" -> {
        Object value = eval(args.get(0));
        return value == null
            || (value instanceof String s && s.isBlank())
            || (value instanceof Collection<?> c && c.isEmpty());
      }
      case "if" -> {
        return Boolean.TRUE.equals(eval(args.get(0))) ? eval(args.get(1)) : eval(args.get(2));
      }
      case "coalesce" -> {
        for (Expression arg : args) {
          Object value = eval(arg);
          if (value != null) {
            return value;
          }
        }
        return null;
      }
      default -> {
        Object first = eval(args.get(0));
        Object second = args.size() > 1 ? eval(args.get(1)) : null;
        if (first == null || (args.size() > 1 && second == null)) {
          return null;
        }
        return apply(call.function(), first, second);
      }
    }
  }

  private static Object apply(String function, Object first, Object second) {
    return switch (function) {
      case "len" ->
          BigDecimal.valueOf(((String) first).codePointCount(0, ((String) first).length()));
      case "lower" -> ((String) first).toLowerCase(Locale.ROOT);
      case "upper" -> ((String) first).toUpperCase(Locale.ROOT);
      case "trim" -> ((String) first).strip();
      case "contains" -> ((String) first).contains((String) second);
      case "starts_with" -> ((String) first).startsWith((String) second);
      case "abs" -> ((BigDecimal) first).abs();
      case "round" ->
          ((BigDecimal) first).setScale(((BigDecimal) second).intValue(), RoundingMode.HALF_UP);
      case "year" -> BigDecimal.valueOf(date(first).getYear());
      case "month" -> BigDecimal.valueOf(date(first).getMonthValue());
      case "day" -> BigDecimal.valueOf(date(first).getDayOfMonth());
      default -> throw new IllegalArgumentException("unchecked expression: " + function);
    };
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate date
        ? date
        : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }
}
