package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.RelativeDate;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.condition.Typed.Comparison;
import io.relata.metadata.condition.ValueType;
import io.relata.metadata.condition.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL back end of the condition language: compiles a {@link Typed} condition into a SQL
 * expression over an object's table, for a {@code WHERE} (where unknown selects nothing, as in
 * memory) or a select list. Field names become quoted identifiers (they come from metadata, through
 * the checker); every value is a typed bind parameter, the moment and the user's zone included, so
 * that the database's clock and session settings play no part. Every rule here mirrors {@link
 * io.relata.metadata.condition.ConditionEvaluator}'s; the conformance test holds them equal.
 */
public final class ConditionSql {

  private static final String TRIMMED = "E' \\t\\n\\r'";

  private final ConditionContext context;
  private final List<Object> binds = new ArrayList<>();

  private ConditionSql(ConditionContext context) {
    this.context = context;
  }

  /** {@code condition} as SQL; the checker has refused what SQL cannot run (prior values). */
  public static Sql compile(Typed condition, ConditionContext context) {
    ConditionSql compiler = new ConditionSql(context);
    String text = compiler.sql(condition);
    return new Sql(text, compiler.binds);
  }

  private String sql(Typed t) {
    if (t instanceof Typed.Constant constant) {
      return bind(constant.value(), constant.type());
    }
    if (t instanceof Typed.Column column) {
      return quote(column.field().name());
    }
    if (t instanceof Typed.CurrentUser) {
      return bind(context.me().orElse(null), ValueType.ID);
    }
    if (t instanceof Typed.Moment moment) {
      return moment.type() == ValueType.DATE
          ? bind(context.today(), ValueType.DATE)
          : bind(context.now(), ValueType.DATETIME);
    }
    if (t instanceof Typed.Logic logic) {
      if (logic.parts().isEmpty()) {
        return logic.and() ? "TRUE" : "FALSE";
      }
      return logic.parts().stream()
          .map(part -> "(" + sql(part) + ")")
          .collect(Collectors.joining(logic.and() ? " AND " : " OR ", "(", ")"));
    }
    if (t instanceof Typed.Not not) {
      return "(NOT (" + sql(not.operand()) + "))";
    }
    if (t instanceof Typed.Compare compare) {
      return compare(compare);
    }
    if (t instanceof Typed.Within within) {
      return within(within);
    }
    if (t instanceof Typed.Among among) {
      String operand = sql(among.operand());
      String marks =
          among.values().stream()
              .map(v -> bind(v, among.operand().type()))
              .collect(Collectors.joining(", "));
      return among.negated()
          ? "(" + operand + " IS NULL OR " + operand + " NOT IN (" + marks + "))"
          : "(" + operand + " IS NOT NULL AND " + operand + " IN (" + marks + "))";
    }
    if (t instanceof Typed.Holds holds) {
      String operand = sql(holds.operand());
      String marks =
          holds.values().stream()
              .map(v -> bind(v, ValueType.TEXT))
              .collect(Collectors.joining(", "));
      String overlap = operand + " && ARRAY[" + marks + "]::text[]";
      return holds.negated()
          ? "(" + operand + " IS NULL OR NOT (" + overlap + "))"
          : "(" + operand + " IS NOT NULL AND " + overlap + ")";
    }
    if (t instanceof Typed.IsNull isNull) {
      return "(" + sql(isNull.operand()) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (t instanceof Typed.Match match) {
      return match(match);
    }
    if (t instanceof Typed.Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    }
    if (t instanceof Typed.Negate negate) {
      return "(-(" + sql(negate.operand()) + "))";
    }
    if (t instanceof Typed.Call call) {
      return call(call);
    }
    throw new IllegalArgumentException("no SQL for " + t.getClass().getSimpleName());
  }

  private String compare(Typed.Compare compare) {
    boolean mixed =
        compare.left().type().temporal()
            && compare.right().type().temporal()
            && compare.left().type() != compare.right().type();
    String left = mixed ? instant(compare.left()) : sql(compare.left());
    String right = mixed ? instant(compare.right()) : sql(compare.right());
    Comparison op = compare.op();
    boolean text = compare.left().type() == ValueType.TEXT;
    switch (op) {
      case EQ -> {
        return constant(compare.right())
            ? "(" + left + " IS NOT NULL AND " + left + " = " + right + ")"
            : "(" + left + " IS NOT DISTINCT FROM " + right + ")";
      }
      case NE -> {
        return constant(compare.right())
            ? "(" + left + " IS NULL OR " + left + " <> " + right + ")"
            : "(" + left + " IS DISTINCT FROM " + right + ")";
      }
      default -> {
        String collate = text ? " COLLATE \"C\"" : "";
        return "(" + left + collate + " " + op.spelling() + " " + right + collate + ")";
      }
    }
  }

  /** Whether {@code t} is a value known to be there, so that {@code =} may use an index. */
  private static boolean constant(Typed t) {
    return t instanceof Typed.Constant c && c.value() != null;
  }

  /** A date as its first instant in the user's zone; an instant as it is. */
  private String instant(Typed t) {
    String sql = sql(t);
    return t.type() == ValueType.DATE
        ? "timezone(" + bind(context.zone().getId(), ValueType.TEXT) + ", (" + sql + ")::timestamp)"
        : sql;
  }

  private String within(Typed.Within within) {
    String operand = sql(within.operand());
    RelativeDate.Range range = within.span().range(context.today());
    String start = bound(range.start(), within.operand().type());
    String end = bound(range.end(), within.operand().type());
    return switch (within.op()) {
      case EQ ->
          "("
              + operand
              + " IS NOT NULL AND "
              + operand
              + " >= "
              + start
              + " AND "
              + operand
              + " < "
              + end
              + ")";
      case NE ->
          "("
              + operand
              + " IS NULL OR "
              + operand
              + " < "
              + start
              + " OR "
              + operand
              + " >= "
              + end
              + ")";
      case LT -> "(" + operand + " < " + start + ")";
      case LE -> "(" + operand + " < " + end + ")";
      case GT -> "(" + operand + " >= " + end + ")";
      case GE -> "(" + operand + " >= " + start + ")";
    };
  }

  private String bound(LocalDate day, ValueType type) {
    return type == ValueType.DATE
        ? bind(day, ValueType.DATE)
        : bind(context.startOf(day), ValueType.DATETIME);
  }

  private String match(Typed.Match match) {
    String operand = sql(match.operand());
    if (match.pattern() instanceof Typed.Constant constant && constant.value() != null) {
      String escaped = escape((String) constant.value());
      String pattern = match.prefix() ? escaped + "%" : "%" + escaped + "%";
      return "(" + operand + " ILIKE " + bind(pattern, ValueType.TEXT) + " ESCAPE '\\')";
    }
    String pattern = "lower(" + sql(match.pattern()) + ")";
    String text = "lower(" + operand + ")";
    return match.prefix()
        ? "(left(" + text + ", length(" + pattern + ")) = " + pattern + ")"
        : "(strpos(" + text + ", " + pattern + ") > 0)";
  }

  private String arithmetic(Typed.Arithmetic a) {
    String left = sql(a.left());
    String right = sql(a.right());
    if (a.type() == ValueType.TEXT) {
      return "(" + left + " || " + right + ")";
    }
    if (a.left().type() == ValueType.DATE) {
      if (a.right().type() == ValueType.DATE) {
        return "((" + left + " - " + right + ")::numeric)";
      }
      return "(CASE WHEN abs("
          + right
          + ") < "
          + Values.MAX_DAYS
          + " THEN "
          + left
          + " "
          + a.op()
          + " trunc("
          + right
          + ")::int END)";
    }
    if (a.op() == '/') {
      // a numerator of scale 30 makes PostgreSQL divide to 30 places before rounding
      return "round(("
          + left
          + ") * 1.000000000000000000000000000000 / NULLIF("
          + right
          + ", 0), "
          + Values.DIVISION_SCALE
          + ")";
    }
    return "(" + left + " " + a.op() + " " + right + ")";
  }

  private String call(Typed.Call call) {
    List<Typed> args = call.arguments();
    String first = sql(args.get(0));
    return switch (call.function()) {
      case LEN -> "(length(" + first + ")::numeric)";
      case LOWER -> "lower(" + first + ")";
      case UPPER -> "upper(" + first + ")";
      case TRIM -> "btrim(" + first + ", " + TRIMMED + ")";
      case ABS -> "abs(" + first + ")";
      case ROUND -> "round(" + first + ", " + sql(args.get(1)) + "::int)";
      case YEAR, MONTH, DAY -> datePart(call.function().spelling(), args.get(0), first);
      case IS_BLANK -> blank(args.get(0).type(), first);
      case IF ->
          "(CASE WHEN "
              + first
              + " THEN "
              + sql(args.get(1))
              + " ELSE "
              + sql(args.get(2))
              + " END)";
      case COALESCE ->
          "COALESCE("
              + first
              + ", "
              + args.subList(1, args.size()).stream()
                  .map(this::sql)
                  .collect(Collectors.joining(", "))
              + ")";
    };
  }

  private String datePart(String part, Typed arg, String sql) {
    String local =
        arg.type() == ValueType.DATE
            ? sql
            : "timezone(" + bind(context.zone().getId(), ValueType.TEXT) + ", " + sql + ")";
    return "extract(" + part + " from " + local + ")";
  }

  private static String blank(ValueType type, String sql) {
    return switch (type) {
      case TEXT -> "(" + sql + " IS NULL OR btrim(" + sql + ", " + TRIMMED + ") = '')";
      case LIST -> "(" + sql + " IS NULL OR cardinality(" + sql + ") = 0)";
      default -> "(" + sql + " IS NULL)";
    };
  }

  private String bind(Object value, ValueType type) {
    binds.add(value);
    return switch (type) {
      case TEXT -> "?::text";
      case NUMBER -> "?::numeric";
      case BOOLEAN -> "?::boolean";
      case DATE -> "?::date";
      case DATETIME -> "?::timestamptz";
      case ID -> "?::uuid";
      default -> "?";
    };
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
