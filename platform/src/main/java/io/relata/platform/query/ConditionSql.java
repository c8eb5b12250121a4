package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.RelativeDate;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.condition.Typed.Comparison;
import io.relata.metadata.condition.Values;
import io.relata.metadata.type.ValueType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

  private ConditionSql(ConditionContext context) {
    this.context = context;
  }

  /** {@code condition} as SQL; the checker has refused what SQL cannot run (prior values). */
  public static Sql compile(Typed condition, ConditionContext context) {
    return new ConditionSql(context).sql(condition);
  }

  /** Text and fragments, in order: a fragment used twice brings its parameters twice. */
  private static Sql cat(Object... parts) {
    StringBuilder text = new StringBuilder();
    List<Object> binds = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Sql sql) {
        text.append(sql.text());
        binds.addAll(sql.binds());
      } else {
        text.append((String) part);
      }
    }
    return new Sql(text.toString(), binds);
  }

  private static Sql join(List<Sql> parts, String separator) {
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        all.add(separator);
      }
      all.add(parts.get(i));
    }
    return cat(all.toArray());
  }

  private Sql sql(Typed t) {
    if (t instanceof Typed.Constant constant) {
      return bind(constant.value(), constant.type());
    }
    if (t instanceof Typed.Column column) {
      return Sql.of(quote(column.field().name()));
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
        return Sql.of(logic.and() ? "TRUE" : "FALSE");
      }
      List<Sql> parts = logic.parts().stream().map(p -> cat("(", sql(p), ")")).toList();
      return cat("(", join(parts, logic.and() ? " AND " : " OR "), ")");
    }
    if (t instanceof Typed.Not not) {
      return cat("(NOT (", sql(not.operand()), "))");
    }
    if (t instanceof Typed.Compare compare) {
      return compare(compare);
    }
    if (t instanceof Typed.Within within) {
      return within(within);
    }
    if (t instanceof Typed.Among among) {
      Sql operand = sql(among.operand());
      Sql marks =
          join(among.values().stream().map(v -> bind(v, among.operand().type())).toList(), ", ");
      return cat("(", operand, among.negated() ? " NOT IN (" : " IN (", marks, "))");
    }
    if (t instanceof Typed.Holds holds) {
      Sql operand = sql(holds.operand());
      Sql marks = join(holds.values().stream().map(v -> bind(v, ValueType.TEXT)).toList(), ", ");
      Sql overlap = cat("(", operand, " && ARRAY[", marks, "]::text[])");
      return holds.negated() ? cat("(NOT ", overlap, ")") : overlap;
    }
    if (t instanceof Typed.IsNull isNull) {
      return cat("(", sql(isNull.operand()), isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (t instanceof Typed.Match match) {
      return match(match);
    }
    if (t instanceof Typed.Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    }
    if (t instanceof Typed.Negate negate) {
      return cat("(-(", sql(negate.operand()), "))");
    }
    if (t instanceof Typed.Call call) {
      return call(call);
    }
    throw new IllegalArgumentException("no SQL for " + t.getClass().getSimpleName());
  }

  private Sql compare(Typed.Compare compare) {
    boolean mixed =
        compare.left().type().temporal()
            && compare.right().type().temporal()
            && compare.left().type() != compare.right().type();
    Sql left = mixed ? instant(compare.left()) : sql(compare.left());
    Sql right = mixed ? instant(compare.right()) : sql(compare.right());
    Comparison op = compare.op();
    // equality is the collation's (deterministic: the same bytes); order is the code points'
    String collate =
        op.ordering() && compare.left().type() == ValueType.TEXT ? " COLLATE \"C\"" : "";
    String sign = op == Comparison.NE ? "<>" : op.spelling();
    return cat("(", left, collate, " ", sign, " ", right, collate, ")");
  }

  /** A date as its first instant in the user's zone; an instant as it is. */
  private Sql instant(Typed t) {
    Sql sql = sql(t);
    return t.type() == ValueType.DATE
        ? cat(
            "timezone(", bind(context.zone().getId(), ValueType.TEXT), ", (", sql, ")::timestamp)")
        : sql;
  }

  private Sql within(Typed.Within within) {
    Sql x = sql(within.operand());
    RelativeDate.Range range = within.span().range(context.today());
    Sql start = bound(range.start(), within.operand().type());
    Sql end = bound(range.end(), within.operand().type());
    return switch (within.op()) {
      case EQ -> cat("(", x, " >= ", start, " AND ", x, " < ", end, ")");
      case NE -> cat("(", x, " < ", start, " OR ", x, " >= ", end, ")");
      case LT -> cat("(", x, " < ", start, ")");
      case LE -> cat("(", x, " < ", end, ")");
      case GT -> cat("(", x, " >= ", end, ")");
      case GE -> cat("(", x, " >= ", start, ")");
    };
  }

  /**
   * The user's zone as PostgreSQL's {@code timezone()} reads it as Java does: a region by its name,
   * a fixed offset as an interval (a name like {@code UTC+03:00} would be read the POSIX way, with
   * the sign turned round).
   */
  private Sql zone() {
    java.time.ZoneId zone = context.zone().normalized();
    if (zone instanceof java.time.ZoneOffset offset) {
      return new Sql(
          "make_interval(secs => ?::double precision)",
          java.util.Collections.singletonList(offset.getTotalSeconds()));
    }
    return bind(zone.getId(), ValueType.TEXT);
  }

  private Sql bound(LocalDate day, ValueType type) {
    return type == ValueType.DATE
        ? bind(day, ValueType.DATE)
        : bind(context.startOf(day), ValueType.DATETIME);
  }

  private Sql match(Typed.Match match) {
    Sql operand = sql(match.operand());
    if (match.pattern() instanceof Typed.Constant constant && constant.value() != null) {
      String escaped = escape((String) constant.value());
      String pattern = match.prefix() ? escaped + "%" : "%" + escaped + "%";
      return cat("(", operand, " ILIKE ", bind(pattern, ValueType.TEXT), " ESCAPE '\\')");
    }
    Sql pattern = cat("lower(", sql(match.pattern()), ")");
    Sql text = cat("lower(", operand, ")");
    return match.prefix()
        ? cat("(left(", text, ", length(", pattern, ")) = ", pattern, ")")
        : cat("(strpos(", text, ", ", pattern, ") > 0)");
  }

  private Sql arithmetic(Typed.Arithmetic a) {
    Sql left = sql(a.left());
    Sql right = sql(a.right());
    if (a.type() == ValueType.TEXT) {
      return cat("(", left, " || ", right, ")");
    }
    if (a.left().type() == ValueType.DATE) {
      if (a.right().type() == ValueType.DATE) {
        return cat("((", left, " - ", right, ")::numeric)");
      }
      return cat(
          "(CASE WHEN abs(",
          right,
          ") < " + Values.MAX_DAYS + " THEN ",
          left,
          " " + a.op() + " trunc(",
          right,
          ")::int END)");
    }
    if (a.op() == '/') {
      // div() truncates exactly to 11 places (and multiplying back is exact), so one half-up
      // rounding to 10 places matches Java's
      return cat(
          "round(div((",
          left,
          ") * 100000000000, NULLIF(",
          right,
          ", 0)) * 0.00000000001, " + Values.DIVISION_SCALE + ")");
    }
    return cat("(", left, " " + a.op() + " ", right, ")");
  }

  private Sql call(Typed.Call call) {
    List<Typed> args = call.arguments();
    Sql first = sql(args.get(0));
    return switch (call.function()) {
      case LEN -> cat("(length(", first, ")::numeric)");
      case LOWER -> cat("lower(", first, ")");
      case UPPER -> cat("upper(", first, ")");
      case TRIM -> cat("btrim(", first, ", " + TRIMMED + ")");
      case ABS -> cat("abs(", first, ")");
      case ROUND -> cat("round(", first, ", ", sql(args.get(1)), "::int)");
      case YEAR, MONTH, DAY -> datePart(call.function().spelling(), args.get(0), first);
      case IS_BLANK -> blank(args.get(0).type(), first);
      case IF ->
          cat(
              "(CASE WHEN ",
              first,
              " THEN ",
              sql(args.get(1)),
              " ELSE ",
              sql(args.get(2)),
              " END)");
      case COALESCE -> cat("COALESCE(", join(args.stream().map(this::sql).toList(), ", "), ")");
    };
  }

  private Sql datePart(String part, Typed arg, Sql sql) {
    Sql local = arg.type() == ValueType.DATE ? sql : cat("timezone(", zone(), ", ", sql, ")");
    return cat("extract(" + part + " from ", local, ")");
  }

  private static Sql blank(ValueType type, Sql sql) {
    return switch (type) {
      case TEXT -> cat("(", sql, " IS NULL OR btrim(", sql, ", " + TRIMMED + ") = '')");
      case LIST -> cat("(", sql, " IS NULL OR cardinality(", sql, ") = 0)");
      default -> cat("(", sql, " IS NULL)");
    };
  }

  private static Sql bind(Object value, ValueType type) {
    String cast =
        switch (type) {
          case TEXT -> "?::text";
          case NUMBER -> "?::numeric";
          case BOOLEAN -> "?::boolean";
          case DATE -> "?::date";
          case DATETIME -> "?::timestamptz";
          case ID -> "?::uuid";
          // an untyped null (null is null): a type it does not need, but PostgreSQL does
          default -> "?::text";
        };
    return new Sql(cast, java.util.Collections.singletonList(value));
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
