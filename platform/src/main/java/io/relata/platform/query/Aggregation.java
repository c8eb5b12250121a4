package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A group-by aggregate for dashboards and forecasts: {@code groupBy=stage}, {@code
 * groupBy=close_date:month} (day, week, month, quarter, year) or two groupings {@code
 * groupBy=close_date:month,owner_id}, and metrics {@code count}, {@code sum:amount}, {@code
 * avg:amount}, {@code min:close_date}, {@code max:amount}, and on an object with a pipeline {@code
 * weighted:amount}: the sum of each record's amount times its stage's probability. Groups are
 * ordered by their keys, at most {@value #MAX_GROUPS}.
 */
public record Aggregation(List<Group> groups, List<Metric> metrics, Optional<Pipeline> pipeline) {

  public static final int MAX_GROUPS = 1_000;
  private static final int MAX_GROUPINGS = 2;
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

  /**
   * @param pipeline the object's pipeline, whose probabilities weight {@code weighted} metrics
   */
  public static Parsed parse(
      Optional<String> groupBy,
      String metrics,
      Function<String, Optional<FieldDefinition>> fields,
      Optional<Pipeline> pipeline) {
    List<Problem> problems = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    if (groupBy.isPresent()) {
      String[] specs = groupBy.get().split(",", -1);
      if (specs.length > MAX_GROUPINGS) {
        problems.add(Problem.at("groupBy", "query.groups-too-many", MAX_GROUPINGS));
      }
      for (String spec : specs) {
        group(spec.strip(), fields, groups, problems);
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
      if (!List.of("sum", "avg", "min", "max", "weighted").contains(function)
          || parts.length != 2) {
        problems.add(Problem.at("metrics", "query.metric", spec.strip()));
        continue;
      }
      Optional<FieldDefinition> field = fields.apply(parts[1]);
      String summed = function.equals("weighted") ? "sum" : function;
      if (field.isEmpty()) {
        problems.add(Problem.at("metrics", "query.unknown-field", parts[1]));
      } else if (!FieldTypes.of(field.get().type()).metrics().contains(summed)) {
        problems.add(Problem.at("metrics", "query.not-summable", function, parts[1]));
      } else if (function.equals("weighted") && pipeline.isEmpty()) {
        problems.add(Problem.at("metrics", "query.weighted-without-pipeline"));
      } else {
        list.add(new Metric(function, field));
      }
    }
    if (list.size() > 10) {
      problems.add(Problem.at("metrics", "query.metrics-too-many", 10));
    }
    return problems.isEmpty()
        ? new Parsed(Optional.of(new Aggregation(groups, list, pipeline)), List.of())
        : new Parsed(Optional.empty(), problems);
  }

  private static void group(
      String spec,
      Function<String, Optional<FieldDefinition>> fields,
      List<Group> groups,
      List<Problem> problems) {
    String[] parts = spec.split(":", 2);
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
    } else if (groups.stream().anyMatch(g -> g.field().name().equals(parts[0]))) {
      problems.add(Problem.at("groupBy", "query.group-twice", parts[0]));
    } else {
      groups.add(new Group(field.get(), granularity));
    }
  }

  /** The column of the answer that holds the key of grouping {@code index}. */
  public static String keyColumn(int index) {
    return "key" + index;
  }

  /** {@code SELECT <keys>, <metrics> FROM <table> WHERE <where> GROUP BY ... ORDER BY ...}. */
  public Sql sql(String table, Sql where) {
    List<String> columns = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      columns.add(key(groups.get(i)) + " AS " + keyColumn(i));
      positions.add(String.valueOf(i + 1));
    }
    for (Metric metric : metrics) {
      columns.add(expression(metric) + " AS " + quote(metric.name()));
    }
    String byKeys = String.join(", ", positions);
    String text =
        "SELECT "
            + String.join(", ", columns)
            + " FROM "
            + table
            + " WHERE "
            + where.text()
            + (groups.isEmpty()
                ? ""
                : " GROUP BY " + byKeys + " ORDER BY " + byKeys + " LIMIT " + (MAX_GROUPS + 1));
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

  private String expression(Metric metric) {
    if (metric.field().isEmpty()) {
      return "count(*)";
    }
    String column = quote(metric.field().get().name());
    return switch (metric.function()) {
      case "avg" -> "round(avg(" + column + "), 6)";
      case "weighted" ->
          "round(sum("
              + column
              + " * "
              + probability()
              + ") / 100, "
              + scale(metric.field().get())
              + ")";
      default -> metric.function() + "(" + column + ")";
    };
  }

  /** The decimals a weighted sum keeps: its field's own (cents of an amount). */
  private static int scale(FieldDefinition field) {
    return field.type() instanceof io.relata.metadata.definition.FieldType.Decimal decimal
        ? decimal.scale()
        : 2;
  }

  /** Each record's stage's probability, 0 to 100, from the pipeline this revision defines. */
  private String probability() {
    StringBuilder sql = new StringBuilder("CASE ").append(quote("stage"));
    for (Pipeline.Stage stage : pipeline.orElseThrow().stages()) {
      sql.append(" WHEN '")
          .append(stage.name().replace("'", "''"))
          .append("' THEN ")
          .append(stage.probability());
    }
    return sql.append(" ELSE 0 END").toString();
  }
}
