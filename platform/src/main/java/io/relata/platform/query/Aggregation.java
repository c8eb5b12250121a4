package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A group-by aggregate for dashboards and forecasts: {@code groupBy=stage} or {@code
 * groupBy=close_date:month} (day, week, month, quarter, year), and metrics {@code count}, {@code
 * sum:amount}, {@code avg:amount}, {@code min:close_date}, {@code max:amount}. Groups are ordered
 * by their key, at most {@value #MAX_GROUPS}.
 */
public record Aggregation(Optional<Group> group, List<Metric> metrics) {

  public static final int MAX_GROUPS = 1_000;
  private static final List<String> GRANULARITIES =
      List.of("day", "week", "month", "quarter", "year");

  /** What records are grouped by. */
  public record Group(FieldDefinition field, Optional<String> granularity) {}

  /** One summary of each group; {@code field} is empty for {@code count}. */
  public record Metric(String function, Optional<FieldDefinition> field) {
    /** The metric's name in the answer: {@code count}, {@code sum_amount}. */
    public String name() {
      return field.map(f -> function + "_" + f.name()).orElse(function);
    }
  }

  public record Parsed(Optional<Aggregation> aggregation, List<Problem> problems) {}

  public static Parsed parse(
      Optional<String> groupBy,
      String metrics,
      Function<String, Optional<FieldDefinition>> fields) {
    List<Problem> problems = new ArrayList<>();
    Optional<Group> group = Optional.empty();
    if (groupBy.isPresent()) {
      String[] parts = groupBy.get().split(":", 2);
      Optional<FieldDefinition> field = fields.apply(parts[0]);
      Optional<String> granularity =
          parts.length == 2 ? Optional.of(parts[1].toLowerCase(Locale.ROOT)) : Optional.empty();
      if (field.isEmpty()) {
        problems.add(Problem.at("groupBy", "query.unknown-field", parts[0]));
      } else if (!FieldTypes.of(field.get().type()).groupable()) {
        problems.add(Problem.at("groupBy", "query.not-groupable", parts[0]));
      } else if (granularity.isPresent()
          && (!GRANULARITIES.contains(granularity.get())
              || !FieldTypes.of(field.get().type()).valueType(field.get().type()).temporal())) {
        problems.add(Problem.at("groupBy", "query.granularity", String.join(", ", GRANULARITIES)));
      } else {
        group = Optional.of(new Group(field.get(), granularity));
      }
    }
    List<Metric> list = new ArrayList<>();
    for (String spec : metrics.split(",", -1)) {
      String[] parts = spec.strip().split(":", 2);
      String function = parts[0].toLowerCase(Locale.ROOT);
      if (function.equals("count") && parts.length == 1) {
        list.add(new Metric("count", Optional.empty()));
        continue;
      }
      if (!List.of("sum", "avg", "min", "max").contains(function) || parts.length != 2) {
        problems.add(Problem.at("metrics", "query.metric", spec.strip()));
        continue;
      }
      Optional<FieldDefinition> field = fields.apply(parts[1]);
      if (field.isEmpty()) {
        problems.add(Problem.at("metrics", "query.unknown-field", parts[1]));
      } else if (!FieldTypes.of(field.get().type()).metrics().contains(function)) {
        problems.add(Problem.at("metrics", "query.not-summable", function, parts[1]));
      } else {
        list.add(new Metric(function, field));
      }
    }
    if (list.size() > 10) {
      problems.add(Problem.at("metrics", "query.metrics-too-many", 10));
    }
    return problems.isEmpty()
        ? new Parsed(Optional.of(new Aggregation(group, list)), List.of())
        : new Parsed(Optional.empty(), problems);
  }

  /** {@code SELECT <key>, <metrics> FROM <table> WHERE <where> GROUP BY ... ORDER BY ...}. */
  public Sql sql(String table, Sql where) {
    List<String> columns = new ArrayList<>();
    group.ifPresent(g -> columns.add(key(g) + " AS \"key\""));
    for (Metric metric : metrics) {
      columns.add(expression(metric) + " AS " + quote(metric.name()));
    }
    String text =
        "SELECT "
            + String.join(", ", columns)
            + " FROM "
            + table
            + " WHERE "
            + where.text()
            + (group.isPresent() ? " GROUP BY 1 ORDER BY 1 LIMIT " + (MAX_GROUPS + 1) : "");
    return new Sql(text, where.binds());
  }

  private static String key(Group group) {
    String column = quote(group.field().name());
    if (group.granularity().isEmpty()) {
      return column;
    }
    String source =
        group.field().type().kind() == FieldKind.DATETIME
            ? "(" + column + " AT TIME ZONE 'UTC')"
            : column;
    return "date_trunc('" + group.granularity().get() + "', " + source + ")::date";
  }

  private static String expression(Metric metric) {
    if (metric.field().isEmpty()) {
      return "count(*)";
    }
    String column = quote(metric.field().get().name());
    return metric.function().equals("avg")
        ? "round(avg(" + column + "), 6)"
        : metric.function() + "(" + column + ")";
  }
}
