package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.ui.screen.Labels;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The names an object document's texts refer to, offered as choices where the admin would otherwise
 * type them: its own fields (the name field, a rule's field, a stage's required fields, a layout
 * section's fields, a list view's columns and sorts), its stages (the stages a stage may go on to),
 * and other objects (a link's target, a related list or roll-up and their fields). The choices are
 * read from the document as it is being edited, so a field added a moment ago is offered at once.
 */
final class ObjectNames {

  /** The platform's fields a layout or list view may show; id, version and deletion are not. */
  private static final List<String> SHOWN_SYSTEM =
      List.of("owner_id", "created_at", "created_by", "updated_at", "updated_by");

  private static final Set<String> TEXT_LIKE = Set.of("text", "auto-number");

  private static final Set<String> NUMERIC = Set.of("number", "currency", "percent");

  private static final Pattern OWN_FIELD =
      Pattern.compile("/validationRules/\\d+/field|/pipeline/stages/\\d+/requiredFields");
  private static final Pattern SHOWN =
      Pattern.compile("/layouts/\\d+/sections/\\d+/fields|/listViews/\\d+/columns");
  private static final Pattern NEXT = Pattern.compile("/pipeline/stages/\\d+/next");
  private static final Pattern SORT = Pattern.compile("/listViews/\\d+/sort");
  private static final Pattern TARGET = Pattern.compile("/fields/\\d+/target");
  private static final Pattern CHILD =
      Pattern.compile("/layouts/\\d+/relatedLists/\\d+/object|/fields/\\d+/object");
  private static final Pattern RELATION =
      Pattern.compile("(/layouts/\\d+/relatedLists/\\d+|/fields/\\d+)/relation");
  private static final Pattern CHILD_COLUMNS =
      Pattern.compile("(/layouts/\\d+/relatedLists/\\d+)/columns");
  private static final Pattern ROLLED_UP = Pattern.compile("(/fields/\\d+)/field");

  private final Supplier<ObjectNode> document;
  private final CompiledModel model;
  private final Locale locale;
  private final Function<String, String> texts;

  ObjectNames(
      Supplier<ObjectNode> document,
      CompiledModel model,
      Locale locale,
      Function<String, String> texts) {
    this.document = document;
    this.model = model;
    this.locale = locale;
    this.texts = texts;
  }

  /** The choices of the text, or each text of the list, at {@code pointer}; empty when free. */
  Optional<Supplier<Map<String, String>>> at(String pointer) {
    if (pointer.equals("/nameField")) {
      return Optional.of(() -> own(type -> TEXT_LIKE.contains(type), false));
    }
    if (OWN_FIELD.matcher(pointer).matches()) {
      return Optional.of(() -> own(type -> true, false));
    }
    if (SHOWN.matcher(pointer).matches()) {
      return Optional.of(() -> own(type -> true, true));
    }
    if (NEXT.matcher(pointer).matches()) {
      return Optional.of(this::stages);
    }
    if (SORT.matcher(pointer).matches()) {
      return Optional.of(this::sorts);
    }
    if (TARGET.matcher(pointer).matches()) {
      return Optional.of(this::objects);
    }
    if (CHILD.matcher(pointer).matches()) {
      return Optional.of(this::children);
    }
    var relation = RELATION.matcher(pointer);
    if (relation.matches()) {
      String item = relation.group(1);
      return Optional.of(() -> links(chosen(item)));
    }
    var columns = CHILD_COLUMNS.matcher(pointer);
    if (columns.matches()) {
      String item = columns.group(1);
      return Optional.of(() -> fieldsOf(chosen(item), field -> true));
    }
    var rolled = ROLLED_UP.matcher(pointer);
    if (rolled.matches()) {
      String item = rolled.group(1);
      return Optional.of(
          () -> fieldsOf(chosen(item), field -> NUMERIC.contains(field.type().id())));
    }
    return Optional.empty();
  }

  /** The object's own fields whose type passes, with the platform's shown ones if asked. */
  private Map<String, String> own(Predicate<String> type, boolean system) {
    Map<String, String> names = new LinkedHashMap<>();
    ObjectNode now = document.get();
    for (JsonNode field : now.path("fields")) {
      String name = field.path("name").asText("");
      if (!name.isEmpty() && type.test(field.path("type").asText(""))) {
        names.put(name, label(field));
      }
    }
    if (system) {
      if (now.has("pipeline") && !names.containsKey("stage")) {
        names.put("stage", texts.apply("field.stage"));
      }
      SHOWN_SYSTEM.forEach(name -> names.putIfAbsent(name, texts.apply("field." + name)));
    }
    return names;
  }

  private Map<String, String> stages() {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode stage : document.get().path("pipeline").path("stages")) {
      String name = stage.path("name").asText("");
      if (!name.isEmpty()) {
        names.put(name, label(stage));
      }
    }
    return names;
  }

  /** Each field ascending and descending: a sort is a field, {@code -} first for descending. */
  private Map<String, String> sorts() {
    Map<String, String> names = new LinkedHashMap<>();
    own(type -> true, true)
        .forEach(
            (name, label) -> {
              names.put(name, label + " ↑");
              names.put("-" + name, label + " ↓");
            });
    return names;
  }

  /** Every object a link may point to: the model's, and this one (a parent of its own kind). */
  private Map<String, String> objects() {
    Map<String, String> names = new LinkedHashMap<>();
    String self = document.get().path("name").asText("");
    if (!self.isEmpty()) {
      names.put(self, label(document.get()));
    }
    model.objects().stream()
        .sorted(Comparator.comparing(Labels::singular))
        .forEach(object -> names.putIfAbsent(object.name(), Labels.singular(object)));
    return names;
  }

  /** The objects that link to this one: what a related list or a roll-up reads. */
  private Map<String, String> children() {
    Map<String, String> names = new LinkedHashMap<>();
    model.objects().stream()
        .filter(object -> !links(Optional.of(object)).isEmpty())
        .sorted(Comparator.comparing(Labels::singular))
        .forEach(object -> names.put(object.name(), Labels.singular(object)));
    return names;
  }

  /** The fields of {@code child} that link to this object. */
  private Map<String, String> links(Optional<ObjectDefinition> child) {
    String self = document.get().path("name").asText("");
    return fieldsOf(
        child,
        field ->
            (field.type() instanceof FieldType.Lookup lookup && lookup.target().equals(self))
                || (field.type() instanceof FieldType.MasterDetail master
                    && master.target().equals(self)));
  }

  private Map<String, String> fieldsOf(
      Optional<ObjectDefinition> object, Predicate<FieldDefinition> which) {
    Map<String, String> names = new LinkedHashMap<>();
    object.ifPresent(
        found ->
            found.fields().stream()
                .filter(which)
                .forEach(field -> names.put(field.name(), Labels.field(field))));
    return names;
  }

  /** The object the item at {@code pointer} names (a related list's, a roll-up's). */
  private Optional<ObjectDefinition> chosen(String pointer) {
    String name = document.get().at(pointer).path("object").asText("");
    return name.isEmpty() ? Optional.empty() : model.object(name);
  }

  /** A document item's label in the admin's language, else its label, else its name. */
  private String label(JsonNode item) {
    String translated = item.path("labels").path(locale.getLanguage()).asText("");
    if (!translated.isEmpty()) {
      return translated;
    }
    return item.path("label").asText(item.path("name").asText(""));
  }
}
