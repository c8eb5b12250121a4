package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.Widget;
import io.relata.metadata.schema.RecordSchema;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The model as one user may be told of it, as Salesforce's describe does: the objects they may
 * read, each with only the fields they may see, in the object documents, the record JSON Schemas
 * and the OpenAPI document alike. Holders of {@code manage-metadata} are told everything: they
 * define it. A hidden field leaves no trace: layouts, list views, validation rules and stages that
 * name it lose it (a list view or rule that names it goes whole, as its text would tell of it).
 * Apps keep the objects the user may read; dashboards keep the widgets they may see ({@link
 * #visible}), without the role a widget counts by, and a dashboard with none left is not there.
 */
public final class Descriptions {

  private final CompiledModel model;
  private final AccessEvaluator evaluator;
  private final boolean everything;

  /** {@code model} as {@code actor} may be told of it. */
  public static Descriptions to(Actor actor, CompiledModel model, Permissions permissions) {
    return new Descriptions(model, permissions.evaluator(actor, model));
  }

  public Descriptions(CompiledModel model, AccessEvaluator evaluator) {
    this.model = model;
    this.evaluator = evaluator;
    this.everything = evaluator.holds(SystemPermission.MANAGE_METADATA);
  }

  /** The objects the user may read, as they see them. */
  public List<ObjectDefinition> objects() {
    return model.objects().stream()
        .filter(object -> everything || evaluator.on(object).rights().read())
        .map(object -> everything ? object : evaluator.on(object).visibleDefinition())
        .toList();
  }

  /** The object's document as the user may see it; empty when they may not read the object. */
  Optional<JsonNode> document(String name) {
    Optional<JsonNode> document = model.document(name);
    if (everything || document.isEmpty()) {
      return document;
    }
    ObjectAccess access = evaluator.on(model.object(name).orElseThrow());
    if (!access.rights().read()) {
      return Optional.empty();
    }
    ObjectNode visible = document.get().deepCopy();
    new Hiding(access).apply(visible);
    return Optional.of(visible);
  }

  /** The record JSON Schema as the user may see it; empty when they may not read the object. */
  Optional<ObjectNode> schema(String name) {
    if (everything) {
      return model.recordSchema(name).map(RecordSchema::document);
    }
    return model
        .object(name)
        .map(evaluator::on)
        .filter(access -> access.rights().read())
        .map(access -> RecordSchema.of(access.visibleDefinition()).document());
  }

  /**
   * Whether a user with {@code access} to a widget's object may see the widget: they read the
   * object, and it names no field hidden from them (in its grouping, series, measure or filter).
   * The one decision for the API's documents and the screens' dashboards.
   */
  public static boolean visible(ObjectAccess access, Widget widget) {
    if (!access.rights().read()) {
      return false;
    }
    Hiding hiding = new Hiding(access);
    return java.util.stream.Stream.of(widget.groupField(), widget.series(), widget.measureField())
            .flatMap(Optional::stream)
            .noneMatch(hiding::hidden)
        && !hiding.mentionsHidden(widget.filter().orElse(""));
  }

  /** The documents of apps or dashboards ({@code kind}) as the user may be told of them. */
  List<JsonNode> presentation(DocumentKind kind) {
    boolean apps = kind == DocumentKinds.APPS;
    List<JsonNode> documents =
        apps ? model.presentation().appDocuments() : model.presentation().dashboardDocuments();
    if (everything) {
      return documents;
    }
    List<JsonNode> told = new java.util.ArrayList<>();
    for (JsonNode doc : documents) {
      ObjectNode copy = (ObjectNode) doc;
      if (apps) {
        Hiding.removeIf(copy.path("objects"), name -> !readable(name.asText()));
        if (copy.has("home") && !shown(copy.get("home").asText())) {
          copy.remove("home");
        }
        told.add(copy);
      } else if (shown(copy)) {
        told.add(copy);
      }
    }
    return told;
  }

  private boolean readable(String object) {
    return model.object(object).map(o -> evaluator.on(o).rights().read()).orElse(false);
  }

  private boolean shown(String dashboard) {
    return model.presentation().dashboardDocuments().stream()
        .filter(d -> dashboard.equals(d.path("name").asText()))
        .anyMatch(d -> shown((ObjectNode) d));
  }

  /** Keeps the widgets the user may see, without their roles; whether any is left. */
  private boolean shown(ObjectNode dashboard) {
    Dashboard compiled =
        model.presentation().dashboard(dashboard.path("name").asText()).orElseThrow();
    ArrayNode kept = dashboard.arrayNode();
    for (int i = 0; i < compiled.widgets().size(); i++) {
      Widget widget = compiled.widgets().get(i);
      boolean seen =
          model.object(widget.object()).map(o -> visible(evaluator.on(o), widget)).orElse(false);
      if (seen) {
        ObjectNode copy = (ObjectNode) dashboard.path("widgets").get(i).deepCopy();
        copy.remove("role"); // roles are for those who manage users or metadata to read
        kept.add(copy);
      }
    }
    dashboard.set("widgets", kept);
    return !kept.isEmpty();
  }

  /** Removes what names a hidden field from an object document. */
  private static final class Hiding {
    private final ObjectAccess access;

    Hiding(ObjectAccess access) {
      this.access = access;
    }

    void apply(ObjectNode doc) {
      removeIf(doc.path("fields"), field -> !access.visible(field.path("name").asText()));
      for (JsonNode layout : doc.path("layouts")) {
        for (JsonNode section : layout.path("sections")) {
          removeIf(section.path("fields"), name -> !access.visible(name.asText()));
        }
      }
      removeIf(
          doc.path("listViews"),
          view ->
              mentionsHidden(view.path("filter").asText(""))
                  || names(view.path("sort")).anyMatch(s -> hidden(s.replaceFirst("^-", ""))));
      for (JsonNode view : doc.path("listViews")) {
        removeIf(view.path("columns"), name -> hidden(name.asText()));
      }
      removeIf(
          doc.path("validationRules"),
          rule ->
              hidden(rule.path("field").asText(""))
                  || mentionsHidden(rule.path("condition").asText("")));
      if (hidden("stage")) {
        doc.remove("pipeline"); // the stages are the hidden field's values
      }
      for (JsonNode stage : doc.path("pipeline").path("stages")) {
        removeIf(stage.path("requiredFields"), name -> hidden(name.asText()));
      }
    }

    private boolean hidden(String name) {
      return !name.isEmpty() && !access.visible(name);
    }

    private boolean mentionsHidden(String text) {
      return !text.isEmpty()
          && access.hiddenFields().stream()
              .anyMatch(
                  name ->
                      Pattern.compile(
                              "(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                          .matcher(text)
                          .find());
    }

    private static java.util.stream.Stream<String> names(JsonNode array) {
      java.util.List<String> names = new java.util.ArrayList<>();
      array.forEach(name -> names.add(name.asText()));
      return names.stream();
    }

    private static void removeIf(JsonNode array, java.util.function.Predicate<JsonNode> drop) {
      if (array instanceof ArrayNode items) {
        for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
          if (drop.test(it.next())) {
            it.remove();
          }
        }
      }
    }
  }
}
