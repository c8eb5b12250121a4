package io.relata.metadata.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessModel;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.definition.Translations;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks apps and dashboards against the objects and roles they name and compiles them. Problems
 * are keyed {@code apps/<name>} and {@code dashboards/<name>}, pointing into the document.
 */
public final class PresentationCompiler {

  /** The field a pipeline's stage is kept in, which a funnel groups by. */
  private static final String STAGE = "stage";

  /** The owner, which a widget's role filters on. */
  private static final String OWNER = "owner_id";

  private final Map<String, ObjectDefinition> objects = new LinkedHashMap<>();
  private final AccessModel access;
  private final Map<String, List<Problem>> problems = new LinkedHashMap<>();

  private PresentationCompiler(Iterable<ObjectDefinition> objects, AccessModel access) {
    objects.forEach(o -> this.objects.put(o.name(), o));
    this.access = access;
  }

  /** The outcome: the compiled apps and dashboards, or the problems that stop them. */
  public record Result(Presentation presentation, Map<String, List<Problem>> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Result compile(
      List<JsonNode> apps,
      List<JsonNode> dashboards,
      Iterable<ObjectDefinition> objects,
      AccessModel access) {
    return new PresentationCompiler(objects, access).run(apps, dashboards);
  }

  private Result run(List<JsonNode> appDocuments, List<JsonNode> dashboardDocuments) {
    List<Dashboard> dashboards = new ArrayList<>();
    for (JsonNode doc : readable("dashboards", MetaSchema.DASHBOARD, dashboardDocuments)) {
      Dashboard dashboard = dashboard(doc);
      for (int i = 0; i < dashboard.widgets().size(); i++) {
        check("dashboards/" + dashboard.name(), "/widgets/" + i, dashboard.widgets().get(i));
      }
      dashboards.add(dashboard);
    }
    Set<String> dashboardNames = new HashSet<>();
    dashboards.forEach(d -> dashboardNames.add(d.name()));
    List<App> apps = new ArrayList<>();
    for (JsonNode doc : readable("apps", MetaSchema.APP, appDocuments)) {
      App app = app(doc);
      String key = "apps/" + app.name();
      for (int i = 0; i < app.objects().size(); i++) {
        if (!objects.containsKey(app.objects().get(i))) {
          add(key, Problem.at("/objects/" + i, "app.unknown-object", app.objects().get(i)));
        }
      }
      app.home()
          .filter(home -> !dashboardNames.contains(home))
          .ifPresent(home -> add(key, Problem.at("/home", "app.unknown-dashboard", home)));
      apps.add(app);
    }
    if (!problems.isEmpty()) {
      return new Result(null, Map.copyOf(problems));
    }
    return new Result(
        new Presentation(apps, dashboards, appDocuments, dashboardDocuments), Map.of());
  }

  /** The documents that fit their meta-schema and whose name is not taken. */
  private List<JsonNode> readable(String kind, MetaSchema schema, List<JsonNode> documents) {
    List<JsonNode> readable = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      String name = doc.path("name").isTextual() ? doc.get("name").asText() : "#" + i;
      List<Problem> structural = new ArrayList<>(schema.check(Origin.content(doc)));
      structural.addAll(Origin.check(doc));
      if (!structural.isEmpty()) {
        structural.forEach(p -> add(kind + "/" + name, p));
      } else if (!seen.add(name)) {
        add(kind + "/" + name, Problem.at("/name", "presentation.duplicate-name", name));
      } else {
        readable.add(doc);
      }
    }
    return readable;
  }

  private void check(String key, String at, Widget widget) {
    ObjectDefinition object = objects.get(widget.object());
    if (object == null) {
      add(key, Problem.at(at + "/object", "widget.unknown-object", widget.object()));
      return;
    }
    widget
        .filter()
        .ifPresent(
            filter -> {
              try {
                ConditionChecker.condition(ConditionParser.parse(filter), object, Scope.QUERY);
              } catch (ConditionException e) {
                add(key, e.problem(at + "/filter"));
              }
            });
    Optional<FieldDefinition> group =
        widget.groupField().flatMap(name -> groupable(key, at + "/groupBy", object, name));
    group
        .filter(field -> widget.period().isPresent() && !temporal(field))
        .ifPresent(
            field -> add(key, Problem.at(at + "/groupBy", "widget.period-on-date", field.name())));
    widget
        .series()
        .ifPresent(
            series -> {
              groupable(key, at + "/series", object, series);
              if (widget.groupField().filter(series::equals).isPresent()) {
                add(key, Problem.at(at + "/series", "widget.series-same", series));
              }
            });
    checkMeasure(key, at + "/measure", object, widget);
    checkShape(key, at, object, widget, group);
    widget
        .role()
        .ifPresent(
            role -> {
              if (access.role(role).isEmpty()) {
                add(key, Problem.at(at + "/role", "access.unknown-role", role));
              } else if (SystemFields.field(object, OWNER).isEmpty()) {
                add(key, Problem.at(at + "/role", "widget.role-without-owner", object.name()));
              }
            });
  }

  private void checkMeasure(String key, String at, ObjectDefinition object, Widget widget) {
    Optional<String> name = widget.measureField();
    if (name.isEmpty()) {
      return;
    }
    Optional<FieldDefinition> field = SystemFields.field(object, name.get());
    String function = widget.measureFunction();
    String summed = function.equals("weighted") ? "sum" : function;
    if (field.isEmpty()) {
      add(key, Problem.at(at, "query.unknown-field", name.get()));
    } else if (!FieldTypes.of(field.get().type()).metrics().contains(summed)) {
      add(key, Problem.at(at, "query.not-summable", function, name.get()));
    } else if (temporal(field.get())) {
      // a widget draws figures; the latest date of a group is a list's answer
      add(key, Problem.at(at, "widget.measure-number", name.get()));
    } else if (function.equals("weighted") && object.pipeline().isEmpty()) {
      add(key, Problem.at(at, "widget.needs-pipeline", object.name()));
    }
  }

  /** What each type of widget needs of its grouping and measure. */
  private void checkShape(
      String key,
      String at,
      ObjectDefinition object,
      Widget widget,
      Optional<FieldDefinition> group) {
    switch (widget.type()) {
      case METRIC -> {
        if (widget.groupBy().isPresent() || widget.series().isPresent()) {
          add(key, Problem.at(at + "/groupBy", "widget.no-grouping", widget.type().json()));
        }
      }
      case BAR, TABLE -> requireGroup(key, at, widget);
      case FUNNEL -> {
        if (object.pipeline().isEmpty()) {
          add(key, Problem.at(at + "/object", "widget.needs-pipeline", object.name()));
        } else if (!widget.groupBy().equals(Optional.of(STAGE))) {
          add(key, Problem.at(at + "/groupBy", "widget.funnel-by-stage", STAGE));
        }
        if (widget.series().isPresent()) {
          add(key, Problem.at(at + "/series", "widget.no-series", widget.type().json()));
        }
      }
      case LINE -> requirePeriod(key, at, widget, group);
      case FORECAST -> {
        requirePeriod(key, at, widget, group);
        if (!widget.measureFunction().equals("weighted")) {
          add(key, Problem.at(at + "/measure", "widget.forecast-weighted", widget.measure()));
        }
      }
    }
  }

  private void requireGroup(String key, String at, Widget widget) {
    if (widget.groupBy().isEmpty()) {
      add(key, Problem.at(at + "/groupBy", "widget.grouping-required", widget.type().json()));
    }
  }

  private void requirePeriod(
      String key, String at, Widget widget, Optional<FieldDefinition> group) {
    if (widget.period().isEmpty() || group.isEmpty()) {
      add(key, Problem.at(at + "/groupBy", "widget.period-required", widget.type().json()));
    }
  }

  private Optional<FieldDefinition> groupable(
      String key, String at, ObjectDefinition object, String name) {
    Optional<FieldDefinition> field = SystemFields.field(object, name);
    if (field.isEmpty()) {
      add(key, Problem.at(at, "query.unknown-field", name));
      return Optional.empty();
    }
    if (!FieldTypes.of(field.get().type()).groupable()) {
      add(key, Problem.at(at, "query.not-groupable", name));
      return Optional.empty();
    }
    return field;
  }

  private static boolean temporal(FieldDefinition field) {
    return FieldTypes.of(field.type()).valueType(field.type()).temporal();
  }

  private static App app(JsonNode doc) {
    List<String> objects = new ArrayList<>();
    doc.path("objects").forEach(o -> objects.add(o.asText()));
    return new App(
        doc.get("name").asText(),
        doc.get("label").asText(),
        text(doc, "icon"),
        objects,
        text(doc, "home"),
        Translations.read(doc.get("labels")));
  }

  private static Dashboard dashboard(JsonNode doc) {
    List<Widget> widgets = new ArrayList<>();
    for (JsonNode w : doc.path("widgets")) {
      widgets.add(
          new Widget(
              Widget.Type.of(w.get("type").asText()),
              w.get("title").asText(),
              w.get("object").asText(),
              text(w, "filter"),
              text(w, "groupBy"),
              text(w, "series"),
              w.get("measure").asText(),
              text(w, "role"),
              w.path("width").asInt(1),
              Translations.read(w.get("titles"))));
    }
    return new Dashboard(
        doc.get("name").asText(),
        doc.get("label").asText(),
        text(doc, "description"),
        widgets,
        Translations.read(doc.get("labels")));
  }

  private static Optional<String> text(JsonNode node, String name) {
    return Optional.ofNullable(node.get(name)).map(JsonNode::asText);
  }

  private void add(String key, Problem problem) {
    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(problem);
  }
}
