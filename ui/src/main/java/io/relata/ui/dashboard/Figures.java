package io.relata.ui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.ConditionPrinter;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.presentation.Widget;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.RecordService;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Labels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A widget's numbers as the platform aggregates them under the viewer's record security, labelled
 * for the viewer: the groups along the axis (in the pipeline's or picklist's order where there is
 * one), a series per value of the second grouping, and the condition that selects the records
 * behind each figure. Nothing is summed here but the groups the platform summed.
 */
final class Figures {

  /**
   * A group on the axis: its key as the platform gives it, its label, and the colour a stage or
   * picklist value has.
   */
  record Category(JsonNode key, String label, Optional<String> colour) {}

  /** One line or colour of bars: its key, its label, and a value per category. */
  record Series(JsonNode key, String label, List<BigDecimal> values) {}

  private final Widget widget;
  private final ObjectDefinition object;
  private final Optional<FieldDefinition> group;
  private final Optional<FieldDefinition> series;
  private final List<Category> categories;
  private final List<Series> lines;
  private final boolean truncated;

  private Figures(
      Widget widget,
      ObjectDefinition object,
      Optional<FieldDefinition> group,
      Optional<FieldDefinition> series,
      List<Category> categories,
      List<Series> lines,
      boolean truncated) {
    this.truncated = truncated;
    this.widget = widget;
    this.object = object;
    this.group = group;
    this.series = series;
    this.categories = List.copyOf(categories);
    this.lines = List.copyOf(lines);
  }

  /**
   * Asks the platform for the widget's groups; its refusals (a field hidden from the viewer) pass.
   */
  static Figures of(
      RecordService records,
      Users users,
      Actor actor,
      Values values,
      ObjectDefinition object,
      Widget widget) {
    Optional<FieldDefinition> group =
        widget.groupField().flatMap(n -> SystemFields.field(object, n));
    Optional<FieldDefinition> series = widget.series().flatMap(n -> SystemFields.field(object, n));
    List<String> groupings = new ArrayList<>();
    widget.groupBy().ifPresent(groupings::add);
    widget.series().ifPresent(groupings::add);
    JsonNode answer =
        records.aggregate(
            actor,
            object.name(),
            widget.filter().map(Figures::parse),
            groupings.isEmpty() ? Optional.empty() : Optional.of(String.join(",", groupings)),
            widget.measure(),
            widget.role());
    String metric = widget.measure().replace(':', '_');

    Map<String, JsonNode> foundAxis = new LinkedHashMap<>();
    Map<String, JsonNode> foundLines = new LinkedHashMap<>();
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (JsonNode row : answer.path("groups")) {
      JsonNode key = group.map(g -> row.path(g.name())).orElse(NullNode.getInstance());
      JsonNode line = series.map(s -> row.path(s.name())).orElse(NullNode.getInstance());
      foundAxis.putIfAbsent(id(key), key);
      foundLines.putIfAbsent(id(line), line);
      BigDecimal value =
          row.path(metric).isNumber() ? row.get(metric).decimalValue() : BigDecimal.ZERO;
      cells.put(id(key) + "\u0000" + id(line), value);
    }
    if (group.isEmpty()) {
      foundAxis.putIfAbsent(id(NullNode.getInstance()), NullNode.getInstance());
    }
    boolean keepEmpty = widget.type() == Widget.Type.FUNNEL || widget.type() == Widget.Type.BAR;
    Map<String, JsonNode> axis =
        group
            .map(g -> arranged(object, g, widget.period(), foundAxis, keepEmpty))
            .orElse(foundAxis);
    Map<String, JsonNode> lineKeys =
        series
            .map(s -> arranged(object, s, Optional.empty(), foundLines, false))
            .orElse(foundLines);
    Labeller labeller = new Labeller(records, users, actor, values, object);
    Map<String, String> labels =
        group
            .map(g -> labeller.labels(g, widget.period(), axis.values()))
            .orElse(Map.of(id(NullNode.getInstance()), Labels.widget(widget)));
    List<Category> categories = new ArrayList<>();
    axis.forEach(
        (id, key) ->
            categories.add(
                new Category(
                    key,
                    labels.getOrDefault(id, ""),
                    group
                        .filter(g -> key.isTextual())
                        .flatMap(g -> Values.colour(object, g, key.asText())))));
    if (lineKeys.isEmpty()) {
      lineKeys.put(id(NullNode.getInstance()), NullNode.getInstance());
    }
    Map<String, String> lineLabels =
        series
            .map(s -> labeller.labels(s, Optional.empty(), lineKeys.values()))
            .orElse(Map.of(id(NullNode.getInstance()), Labels.widget(widget)));
    List<Series> lines = new ArrayList<>();
    lineKeys.forEach(
        (lineId, line) -> {
          List<BigDecimal> figures = new ArrayList<>();
          for (String keyId : axis.keySet()) {
            figures.add(cells.getOrDefault(keyId + "\u0000" + lineId, BigDecimal.ZERO));
          }
          lines.add(new Series(line, lineLabels.getOrDefault(lineId, ""), figures));
        });
    return new Figures(
        widget, object, group, series, categories, lines, answer.path("truncated").asBoolean());
  }

  /**
   * The keys in the order a reader expects: stages and picklist values in their defined order (with
   * those without records when {@code keepEmpty}), periods one after the other without a gap, other
   * keys as the platform ordered them; no value last.
   */
  private static Map<String, JsonNode> arranged(
      ObjectDefinition object,
      FieldDefinition field,
      Optional<String> period,
      Map<String, JsonNode> found,
      boolean keepEmpty) {
    Map<String, JsonNode> arranged = new LinkedHashMap<>();
    List<String> order = ordered(object, field);
    if (!order.isEmpty()) {
      for (String key : order) {
        if (keepEmpty || found.containsKey(key)) {
          arranged.put(key, found.getOrDefault(key, TextNode.valueOf(key)));
        }
      }
    } else if (period.isPresent()) {
      List<LocalDate> dates =
          found.values().stream()
              .filter(JsonNode::isTextual)
              .map(k -> LocalDate.parse(k.asText()))
              .sorted()
              .toList();
      for (LocalDate date = dates.isEmpty() ? null : dates.get(0);
          date != null && !date.isAfter(dates.get(dates.size() - 1)) && arranged.size() < 1_000;
          date = next(date, period.get())) {
        arranged.put(
            date.toString(),
            found.getOrDefault(date.toString(), TextNode.valueOf(date.toString())));
      }
    }
    found.forEach(
        (id, key) -> {
          if (!key.isNull() && !key.isMissingNode()) {
            arranged.putIfAbsent(id, key);
          }
        });
    found.forEach(arranged::putIfAbsent); // no value, last
    return arranged;
  }

  /** The start of the period after the one starting at {@code start}. */
  private static LocalDate next(LocalDate start, String period) {
    return switch (period) {
      case "day" -> start.plusDays(1);
      case "week" -> start.plusWeeks(1);
      case "quarter" -> start.plusMonths(3);
      case "year" -> start.plusYears(1);
      default -> start.plusMonths(1);
    };
  }

  /** A key as a map key: its text, and one of its own for no value. */
  private static String id(JsonNode key) {
    return key == null || key.isNull() || key.isMissingNode() ? "\u0001" : key.asText();
  }

  /** The keys a stage or picklist grouping shows even without records, in their order. */
  private static List<String> ordered(ObjectDefinition object, FieldDefinition field) {
    if (field.type() instanceof FieldType.Stage) {
      return object
          .pipeline()
          .map(p -> p.stages().stream().map(Pipeline.Stage::name).toList())
          .orElse(List.of());
    }
    if (field.type() instanceof FieldType.Picklist picklist) {
      return picklist.values().stream()
          .filter(PicklistValue::active)
          .map(PicklistValue::name)
          .toList();
    }
    return List.of();
  }

  private static Expression parse(String filter) {
    try {
      return ConditionParser.parse(filter);
    } catch (io.relata.metadata.condition.ConditionException e) {
      // the metadata checked it when the dashboard was saved
      throw new IllegalStateException("a saved widget's filter does not parse: " + filter, e);
    }
  }

  List<Category> categories() {
    return categories;
  }

  List<Series> series() {
    return lines;
  }

  /** Whether the platform left groups out (more than it answers with). */
  boolean truncated() {
    return truncated;
  }

  /** Whether the figures add up: counts and sums do, averages and extremes do not. */
  boolean additive() {
    return List.of("count", "sum", "weighted").contains(widget.measureFunction());
  }

  /**
   * Whether a figure can open the records behind it: not when the widget counts only owners in a
   * role's subtree, which the condition language of a list cannot say.
   */
  boolean drillable() {
    return widget.role().isEmpty();
  }

  /** The one figure of a metric, or the sum of every group the platform gave. */
  BigDecimal total() {
    return lines.stream()
        .flatMap(s -> s.values().stream())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  boolean empty() {
    return lines.stream().flatMap(s -> s.values().stream()).allMatch(v -> v.signum() == 0);
  }

  /** A figure as the viewer reads it: an amount in its currency, a count as a whole number. */
  String format(Values values, BigDecimal value) {
    Optional<FieldDefinition> field =
        widget.measureField().flatMap(n -> SystemFields.field(object, n));
    if (field.isEmpty() || widget.measureFunction().equals("count")) {
      return values.number(value, 0);
    }
    FieldType type = field.get().type();
    if (type instanceof FieldType.Currency currency) {
      return values.amount(value, currency.scale(), currency.currency().orElse(null));
    }
    if (type instanceof FieldType.Decimal decimal) {
      return values.number(value, decimal.scale());
    }
    return values.number(value, 2);
  }

  /**
   * The condition that selects the records behind one figure: the widget's filter, the category's
   * value and the series' value.
   */
  String drill(int category, int line) {
    List<Expression> parts = new ArrayList<>();
    if (group.isPresent() && category >= 0 && category < categories.size()) {
      parts.add(equal(group.get(), categories.get(category).key(), widget.period()));
    }
    if (series.isPresent() && line >= 0 && line < lines.size()) {
      parts.add(equal(series.get(), lines.get(line).key(), Optional.empty()));
    }
    String drilled =
        parts.stream()
            .reduce((a, b) -> new Expression.Binary("and", a, b, Expression.Where.at(0)))
            .map(ConditionPrinter::print)
            .orElse("");
    String own = widget.filter().orElse("");
    if (own.isEmpty()) {
      return drilled;
    }
    return drilled.isEmpty() ? own : "(" + own + ") and " + drilled;
  }

  private static Expression equal(FieldDefinition field, JsonNode key, Optional<String> period) {
    Expression.Where at = Expression.Where.at(0);
    Expression.Field column = new Expression.Field(field.name(), at);
    if (key == null || key.isNull() || key.isMissingNode()) {
      return new Expression.IsNull(column, false, at);
    }
    if (period.isPresent()) {
      LocalDate start = LocalDate.parse(key.asText());
      LocalDate next = next(start, period.get());
      if (field.type().kind() == FieldKind.DATETIME) {
        return new Expression.Binary(
            "and",
            new Expression.Binary(
                ">=",
                column,
                new Expression.Literal(
                    start.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime(), at),
                at),
            new Expression.Binary(
                "<",
                column,
                new Expression.Literal(
                    next.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime(), at),
                at),
            at);
      }
      return new Expression.Between(
          column,
          new Expression.Literal(start, at),
          new Expression.Literal(next.minusDays(1), at),
          at);
    }
    Object value =
        key.isNumber() ? key.decimalValue() : key.isBoolean() ? key.asBoolean() : key.asText();
    return new Expression.Binary("=", column, new Expression.Literal(value, at), at);
  }

  /** Labels of group keys as the viewer reads them. */
  private static final class Labeller {
    private final RecordService records;
    private final Users users;
    private final Actor actor;
    private final Values values;
    private final ObjectDefinition object;

    Labeller(
        RecordService records, Users users, Actor actor, Values values, ObjectDefinition object) {
      this.records = records;
      this.users = users;
      this.actor = actor;
      this.values = values;
      this.object = object;
    }

    /** Each key's label, by {@link Figures#id}. */
    Map<String, String> labels(
        FieldDefinition field, Optional<String> period, java.util.Collection<JsonNode> keys) {
      Map<String, String> labels = new LinkedHashMap<>();
      Function<JsonNode, String> label = key -> one(field, period, key);
      if (field.type().kind() == FieldKind.USER) {
        Set<UUID> ids = new HashSet<>();
        keys.stream()
            .filter(k -> k != null && k.isTextual())
            .forEach(k -> ids.add(UUID.fromString(k.asText())));
        Map<UUID, String> names = users.names(ids);
        label =
            key ->
                key == null || !key.isTextual()
                    ? none()
                    : names.getOrDefault(UUID.fromString(key.asText()), Values.unseen());
      }
      Optional<String> target =
          field.type() instanceof FieldType.Lookup lookup
              ? Optional.of(lookup.target())
              : field.type() instanceof FieldType.MasterDetail master
                  ? Optional.of(master.target())
                  : Optional.empty();
      if (target.isPresent()) {
        Map<String, String> names = names(target.get(), keys);
        label = key -> key == null || !key.isTextual() ? none() : names.get(key.asText());
      }
      for (JsonNode key : keys) {
        labels.put(id(key), label.apply(key));
      }
      return labels;
    }

    private String one(FieldDefinition field, Optional<String> period, JsonNode key) {
      if (key == null || key.isNull() || key.isMissingNode()) {
        return none();
      }
      if (period.isPresent()) {
        LocalDate date = LocalDate.parse(key.asText());
        return switch (period.get()) {
          case "year" -> String.valueOf(date.getYear());
          case "quarter" -> "Q" + date.get(IsoFields.QUARTER_OF_YEAR) + " " + date.getYear();
          case "month" -> DateTimeFormatter.ofPattern("LLL yyyy", values.locale()).format(date);
          default -> values.date(key.asText());
        };
      }
      com.fasterxml.jackson.databind.node.ObjectNode record =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      record.set(field.name(), key);
      String text = values.text(object, field, record);
      return text.isEmpty() ? none() : text;
    }

    /**
     * The names of the records {@code keys} of {@code target} that the viewer may read, read a page
     * at a time; the others are unseen.
     */
    private Map<String, String> names(String target, java.util.Collection<JsonNode> keys) {
      List<Expression> ids =
          keys.stream()
              .filter(k -> k != null && k.isTextual())
              .<Expression>map(k -> new Expression.Literal(k.asText(), Expression.Where.at(0)))
              .toList();
      Map<String, String> names = new java.util.HashMap<>();
      keys.forEach(k -> names.put(k.asText(), Values.unseen()));
      String nameField = records.object(target).definition().nameField();
      for (int from = 0; from < ids.size(); from += RecordQuery.MAX_LIMIT) {
        List<Expression> chunk =
            ids.subList(from, Math.min(ids.size(), from + RecordQuery.MAX_LIMIT));
        Expression among =
            new Expression.Among(
                new Expression.Field("id", Expression.Where.at(0)),
                chunk,
                false,
                Expression.Where.at(0));
        try {
          for (JsonNode row :
              records
                  .list(
                      actor,
                      target,
                      new RecordQuery(
                          Optional.of(among),
                          Optional.empty(),
                          Optional.empty(),
                          Optional.of(List.of("id", nameField)),
                          RecordQuery.MAX_LIMIT,
                          Optional.empty(),
                          List.of(),
                          false),
                      false)
                  .items()) {
            names.put(row.path("id").asText(), row.path(nameField).asText(Values.unseen()));
          }
        } catch (io.relata.platform.rest.ProblemException hidden) {
          return names; // the object, or its name, is not the viewer's to read
        }
      }
      return names;
    }

    private static String none() {
      com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
      return ui == null ? "—" : ui.getTranslation("dashboard.none");
    }
  }
}
