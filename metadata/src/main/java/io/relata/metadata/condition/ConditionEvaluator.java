package io.relata.metadata.condition;

import io.relata.metadata.condition.Typed.Comparison;
import io.relata.metadata.type.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-memory back end: evaluates a {@link Typed} condition on a record's values (text as {@link
 * String}, numbers as {@link BigDecimal}, {@link Boolean}, {@link LocalDate}, {@link
 * OffsetDateTime}, ids as {@link UUID}, multi-picklists as lists). Its answers are the SQL back
 * end's, value for value; {@link Values} holds the rules both follow.
 */
public final class ConditionEvaluator {

  private final Map<String, Object> record;
  private final Optional<Map<String, Object>> prior;
  private final ConditionContext context;

  private ConditionEvaluator(
      Map<String, Object> record, Optional<Map<String, Object>> prior, ConditionContext context) {
    this.record = record;
    this.prior = prior;
    this.context = context;
  }

  /**
   * The value of {@code condition} for {@code record}; {@code null} when unknown. {@code prior} is
   * the stored record on update, empty on create (every prior value is then empty).
   */
  public static Object evaluate(
      Typed condition,
      Map<String, Object> record,
      Optional<Map<String, Object>> prior,
      ConditionContext context) {
    return new ConditionEvaluator(record, prior, context).eval(condition);
  }

  /** Whether a validation rule lets the record through: its condition is true or unknown. */
  public static boolean passes(
      Typed condition,
      Map<String, Object> record,
      Optional<Map<String, Object>> prior,
      ConditionContext context) {
    return !Boolean.FALSE.equals(evaluate(condition, record, prior, context));
  }

  /** Whether a filter selects the record: its condition is true, as in a SQL {@code WHERE}. */
  public static boolean selects(
      Typed condition, Map<String, Object> record, ConditionContext context) {
    return selects(condition, record, Optional.empty(), context);
  }

  /**
   * Whether the condition of an automation, an assignment rule or a scoring model holds for the
   * record of a write: true, not unknown ({@code users > 50} does not hold without users).
   */
  public static boolean selects(
      Typed condition,
      Map<String, Object> record,
      Optional<Map<String, Object>> prior,
      ConditionContext context) {
    return Boolean.TRUE.equals(evaluate(condition, record, prior, context));
  }

  private Object eval(Typed t) {
    if (t instanceof Typed.Constant constant) {
      return constant.value();
    }
    if (t instanceof Typed.Column column) {
      return Values.normalise(record.get(column.field().name()), column.type());
    }
    if (t instanceof Typed.Prior p) {
      return Values.normalise(
          prior.map(values -> values.get(p.field().name())).orElse(null), p.type());
    }
    if (t instanceof Typed.Changed changed) {
      ValueType type = ConditionChecker.of(changed.field().type());
      String name = changed.field().name();
      Object now = Values.normalise(record.get(name), type);
      Object before = Values.normalise(prior.map(v -> v.get(name)).orElse(null), type);
      return !same(now, before);
    }
    if (t instanceof Typed.CurrentUser) {
      return context.me().orElse(null);
    }
    if (t instanceof Typed.Moment moment) {
      return moment.type() == ValueType.DATE ? context.today() : context.now();
    }
    if (t instanceof Typed.Logic logic) {
      return logic(logic);
    }
    if (t instanceof Typed.Not not) {
      Object value = eval(not.operand());
      return value == null ? null : !(Boolean) value;
    }
    if (t instanceof Typed.Compare compare) {
      return compare(compare);
    }
    if (t instanceof Typed.Within within) {
      return within(within);
    }
    if (t instanceof Typed.Among among) {
      Object value = eval(among.operand());
      if (value == null) {
        return null;
      }
      boolean found = among.values().stream().anyMatch(v -> order(value, v) == 0);
      return found != among.negated();
    }
    if (t instanceof Typed.Holds holds) {
      Object value = eval(holds.operand());
      if (value == null) {
        return null;
      }
      boolean found = ((Collection<?>) value).stream().anyMatch(holds.values()::contains);
      return found != holds.negated();
    }
    if (t instanceof Typed.IsNull isNull) {
      return (eval(isNull.operand()) == null) != isNull.negated();
    }
    if (t instanceof Typed.Match match) {
      return match(match);
    }
    if (t instanceof Typed.Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    }
    if (t instanceof Typed.Negate negate) {
      Object value = eval(negate.operand());
      return value == null ? null : ((BigDecimal) value).negate();
    }
    return call((Typed.Call) t);
  }

  /** Kleene's logic: a false part makes {@code and} false, a true one makes {@code or} true. */
  private Object logic(Typed.Logic logic) {
    Boolean decisive = !logic.and();
    boolean unknown = false;
    for (Typed part : logic.parts()) {
      Object value = eval(part);
      if (decisive.equals(value)) {
        return decisive;
      }
      unknown |= value == null;
    }
    return unknown ? null : !decisive;
  }

  private Object compare(Typed.Compare compare) {
    Object left = eval(compare.left());
    Object right = eval(compare.right());
    if (left == null || right == null) {
      return null;
    }
    return ordered(compare.op(), order(left, right));
  }

  private Object within(Typed.Within within) {
    Object value = eval(within.operand());
    Comparison op = within.op();
    if (value == null) {
      return null;
    }
    RelativeDate.Range range = within.span().range(context.today());
    Object start = range.start();
    Object end = range.end();
    int fromStart = order(value, start);
    int fromEnd = order(value, end);
    return switch (op) {
      case EQ -> fromStart >= 0 && fromEnd < 0;
      case NE -> fromStart < 0 || fromEnd >= 0;
      case LT -> fromStart < 0;
      case LE -> fromEnd < 0;
      case GT -> fromEnd >= 0;
      case GE -> fromStart >= 0;
    };
  }

  private static boolean ordered(Comparison op, int order) {
    return switch (op) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case EQ -> order == 0;
      case NE -> order != 0;
    };
  }

  private Object match(Typed.Match match) {
    Object value = eval(match.operand());
    Object pattern = eval(match.pattern());
    if (value == null || pattern == null) {
      return null;
    }
    String text = Values.lower((String) value);
    String sought = Values.lower((String) pattern);
    return match.prefix() ? text.startsWith(sought) : text.contains(sought);
  }

  private Object arithmetic(Typed.Arithmetic a) {
    Object left = eval(a.left());
    Object right = eval(a.right());
    if (left == null || right == null) {
      return null;
    }
    if (a.type() == ValueType.TEXT) {
      return (String) left + right;
    }
    if (left instanceof LocalDate date) {
      if (right instanceof LocalDate other) {
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(other, date));
      }
      Optional<Long> days = Values.days((BigDecimal) right);
      if (days.isEmpty()) {
        return null;
      }
      return a.op() == '+' ? date.plusDays(days.get()) : date.minusDays(days.get());
    }
    BigDecimal x = (BigDecimal) left;
    BigDecimal y = (BigDecimal) right;
    return switch (a.op()) {
      case '+' -> x.add(y);
      case '-' -> x.subtract(y);
      case '*' -> x.multiply(y);
      default -> Values.divide(x, y);
    };
  }

  private Object call(Typed.Call call) {
    List<Typed> args = call.arguments();
    switch (call.function()) {
      case IS_BLANK -> {
        return Values.blank(eval(args.get(0)));
      }
      case IF -> {
        return Boolean.TRUE.equals(eval(args.get(0))) ? eval(args.get(1)) : eval(args.get(2));
      }
      case COALESCE -> {
        for (Typed arg : args) {
          Object value = eval(arg);
          if (value != null) {
            return value;
          }
        }
        return null;
      }
      default -> {
        // the functions of one value (and round's places): unknown in, unknown out
      }
    }
    Object value = eval(args.get(0));
    if (value == null) {
      return null;
    }
    return switch (call.function()) {
      case LEN -> BigDecimal.valueOf(((String) value).codePointCount(0, ((String) value).length()));
      case LOWER -> Values.lower((String) value);
      case UPPER -> Values.upper((String) value);
      case TRIM -> Values.trim((String) value);
      case ABS -> ((BigDecimal) value).abs();
      case ROUND ->
          ((BigDecimal) value)
              .setScale(((BigDecimal) eval(args.get(1))).intValueExact(), RoundingMode.HALF_UP);
      case YEAR -> BigDecimal.valueOf(date(value).getYear());
      case MONTH -> BigDecimal.valueOf(date(value).getMonthValue());
      case DAY -> BigDecimal.valueOf(date(value).getDayOfMonth());
      default -> throw new IllegalStateException(call.function().name());
    };
  }

  private LocalDate date(Object value) {
    return value instanceof LocalDate date
        ? date
        : ((OffsetDateTime) value).atZoneSameInstant(context.zone()).toLocalDate();
  }

  /** Whether a write changes a value: {@code null} is a value here, two empties are the same. */
  private boolean same(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (left instanceof List<?> || right instanceof List<?>) {
      return Objects.equals(left, right);
    }
    return order(left, right) == 0;
  }

  /** The order of two values of one type; a date stands for its first instant in the zone. */
  private int order(Object left, Object right) {
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      return a.compareTo(b);
    }
    if (left instanceof String a && right instanceof String b) {
      return Values.compareCodePoints(a, b);
    }
    if (left instanceof LocalDate a && right instanceof LocalDate b) {
      return a.compareTo(b);
    }
    if (Values.temporal(left) && Values.temporal(right)) {
      return instant(left).compareTo(instant(right));
    }
    return left.equals(right) ? 0 : 1;
  }

  private OffsetDateTime instant(Object temporal) {
    return temporal instanceof LocalDate date ? context.startOf(date) : (OffsetDateTime) temporal;
  }
}
