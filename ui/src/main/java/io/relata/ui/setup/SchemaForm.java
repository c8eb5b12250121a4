package io.relata.ui.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A form generated from a JSON Schema — a document kind's meta-schema — over a JSON document, which
 * it edits in place: properties become fields (text, number, switch, choice), arrays of objects a
 * list of panels to add to, reorder and remove, maps (an object keyed by names) a panel per key,
 * translations one field per language, and what the schema only allows under a condition ({@code
 * if}/{@code then}: a field type's options) appears when the condition holds, and a value of one of
 * several shapes (a trigger, a recipient) has its shape chosen first. What no field can show is
 * edited as JSON. A new kind gets its form without a new screen.
 *
 * <p>Every field has the id {@code setup-field} followed by its JSON pointer with {@code -} for
 * {@code /}, and the platform's problems are shown at the field their pointer names.
 */
final class SchemaForm extends Div {

  /** The languages Setup edits labels in, the default's first. */
  static final List<String> LANGUAGES = List.of("en", "sv", "da", "fi");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The pattern of a colour in the meta-schemas: six hex digits. */
  private static final String COLOUR = "^#[0-9a-fA-F]{6}$";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The schema of a value of any simple kind: a map's values that have no schema of their own. */
  private static final JsonNode SCALAR = NODES.objectNode().put("type", "scalar");

  /** Properties a form never shows: change markers the platform sets, not the admin. */
  private static final Set<String> HIDDEN = Set.of("renamedFrom", "restoredFrom", "origin");

  /** Text properties that hold more than a line. */
  private static final Set<String> LONG =
      Set.of(
          "description",
          "helpText",
          "expression",
          "condition",
          "filter",
          "body",
          "message",
          "source",
          "criteria");

  /**
   * What a screen adds to a generated form where it knows more than the schema: a check of a
   * condition as it is typed, a builder beside it, a live test on a validation rule's panel.
   */
  interface Assist {

    /** Why the text at {@code pointer} is wrong, checked when it changes; empty when it is not. */
    default Optional<String> check(String pointer, String text) {
      return Optional.empty();
    }

    /** Buttons beside the text field at {@code pointer}, which they may fill. */
    default List<Component> tools(String pointer, HasValue<?, String> field) {
      return List.of();
    }

    /**
     * The names the text at {@code pointer}, or each text of the list there, is one of (a field of
     * the object, another document), with their labels, as the document has them when asked; empty
     * where the text is free.
     */
    default Optional<Supplier<Map<String, String>>> names(String pointer) {
      return Optional.empty();
    }

    /**
     * An editor of the screen's own for the property at {@code pointer} of {@code parent}, which it
     * edits in place (a permission set's rights as a matrix); empty for the generated one.
     */
    default Optional<Component> editor(String pointer, ObjectNode parent) {
      return Optional.empty();
    }

    /**
     * What a value of any simple kind at {@code pointer} is ({@link ValueKind}), when the screen
     * knows the field it is written to; empty when it does not.
     */
    default Optional<ValueKind> valueKind(String pointer) {
      return Optional.empty();
    }

    /** Buttons on the panel of the list item at {@code pointer}. */
    default List<Component> itemTools(String pointer, ObjectNode item) {
      return List.of();
    }

    Assist NONE = new Assist() {};
  }

  private final JsonNode schema;
  private final ObjectNode document;
  private final Assist assist;
  private final Function<String, String> texts;
  private final boolean named;
  private final Map<String, Component> editors = new LinkedHashMap<>();

  /**
   * Text typed in a JSON box that is not JSON, by the object it is a member of (that very object:
   * list items move) and the member's name: kept when the form is drawn again and said at its box
   * until it is mended, so what was typed is never silently lost. Forgotten when its object leaves
   * the document (an item removed) or the member is drawn as something other than a JSON box.
   */
  private final Map<ObjectNode, Map<String, String>> unparsed = new java.util.IdentityHashMap<>();

  private final NameList.Board board = new NameList.Board();

  /** The properties each object of the document must have, by its schema. */
  private final Map<ObjectNode, Set<String>> requiredOf = new java.util.IdentityHashMap<>();

  /** Each object's name when the form was opened, to tell a rename from a new item. */
  private final Map<ObjectNode, String> originals = new java.util.IdentityHashMap<>();

  /** The objects whose schema has {@code renamedFrom}: renaming them keeps their data. */
  private final Set<ObjectNode> renamable =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * A form over {@code document} (edited in place) by {@code schema}; {@code texts} gives a key's
   * text in the user's language or null; {@code named} keeps the document's name read-only.
   */
  SchemaForm(
      JsonNode schema,
      ObjectNode document,
      Function<String, String> texts,
      boolean named,
      Assist assist) {
    this.schema = schema;
    this.document = document;
    this.assist = assist;
    this.texts = texts;
    this.named = named;
    addClassName("relata-schema-form");
    add(object(schema, document, ""));
  }

  /**
   * The document as edited, without the empty objects a form leaves where nothing was filled in (a
   * section opened and left empty means nothing, not an invalid empty value). Lists stay as they
   * are: an empty one may be required (a dashboard without widgets yet).
   */
  ObjectNode document() {
    ObjectNode copy = document.deepCopy();
    prune(copy);
    return copy;
  }

  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> empty = new ArrayList<>();
      object
          .fields()
          .forEachRemaining(
              member -> {
                prune(member.getValue());
                if (member.getValue().isObject() && member.getValue().isEmpty()) {
                  empty.add(member.getKey());
                }
              });
      object.remove(empty);
    } else if (node instanceof ArrayNode array) {
      array.forEach(SchemaForm::prune);
    }
  }

  /**
   * Shows each message at the field its JSON pointer names, or at the nearest field that holds it;
   * the messages no field holds are returned, for the screen to show otherwise.
   */
  List<String> show(Map<String, String> messages) {
    editors.values().forEach(SchemaForm::clear);
    List<String> unplaced = new ArrayList<>();
    Map<String, String> all = new LinkedHashMap<>(notJson());
    all.putAll(messages);
    all.forEach(
        (pointer, message) -> {
          String at = pointer;
          while (!at.isEmpty() && !editors.containsKey(at)) {
            at = at.substring(0, at.lastIndexOf('/'));
          }
          Component editor = editors.get(at);
          if (editor instanceof HasValidation field) {
            field.setErrorMessage(message);
            field.setInvalid(true);
          } else if (editor instanceof Problem shown) {
            shown.show(message);
          } else if (editor instanceof NameList list) {
            list.show(message);
          } else {
            unplaced.add(message);
          }
        });
    return unplaced;
  }

  /**
   * The JSON boxes whose text is not JSON, by where they are in the document now, each with what to
   * say at it; empty when none.
   */
  Map<String, String> notJson() {
    Map<String, String> said = new LinkedHashMap<>();
    Set<ObjectNode> present =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    visit(document, "", present, said);
    unparsed.keySet().retainAll(present);
    return said;
  }

  private void visit(JsonNode node, String at, Set<ObjectNode> present, Map<String, String> said) {
    if (node instanceof ObjectNode object) {
      Map<String, String> bad = unparsed.get(object);
      if (bad != null) {
        present.add(object);
        bad.keySet().forEach(name -> said.put(at + "/" + name, texts.apply("setup.form.not-json")));
      }
      object
          .fields()
          .forEachRemaining(m -> visit(m.getValue(), at + "/" + m.getKey(), present, said));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        visit(array.get(i), at + "/" + i, present, said);
      }
    }
  }

  private static void clear(Component editor) {
    if (editor instanceof HasValidation field) {
      field.setInvalid(false);
    } else if (editor instanceof Problem shown) {
      shown.show(null);
    } else if (editor instanceof NameList list) {
      list.show(null);
    }
  }

  /** An object's properties; redrawn when a property its conditions read changes. */
  private Component object(JsonNode objectSchema, ObjectNode value, String pointer) {
    Div container = new Div();
    container.addClassName("relata-schema-object");
    draw(container, resolve(objectSchema), value, pointer);
    return container;
  }

  private void draw(Div container, JsonNode objectSchema, ObjectNode value, String pointer) {
    container.removeAll();
    editors.keySet().removeIf(key -> key.startsWith(pointer + "/"));
    Problem problem = new Problem();
    editors.put(pointer, problem);
    FormLayout simple = new FormLayout();
    simple.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    List<Component> nested = new ArrayList<>();
    Set<String> discriminators = discriminators(objectSchema);
    Map<String, JsonNode> properties = properties(objectSchema, value);
    Set<String> required = new HashSet<>();
    objectSchema.path("required").forEach(r -> required.add(r.asText()));
    requiredOf.put(value, required);
    for (String name : required) {
      JsonNode list = resolve(properties.getOrDefault(name, NODES.nullNode()));
      if (!value.has(name)
          && list.path("type").asText().equals("array")
          && list.path("minItems").asInt(0) == 0) {
        value.putArray(name); // required, and may be empty: there from the start
      }
    }
    if (properties.containsKey("renamedFrom")) {
      renamable.add(value);
    }
    for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
      String name = property.getKey();
      if (HIDDEN.contains(name)) {
        continue;
      }
      JsonNode propertySchema = resolve(property.getValue());
      if (propertySchema.has("const")) {
        continue; // what shape the object has: chosen where the shape is (variants)
      }
      String at = pointer + "/" + escape(name);
      Runnable redraw =
          discriminators.contains(name)
              ? () -> {
                Set<String> before = properties.keySet();
                Map<String, JsonNode> after = properties(objectSchema, value);
                // options only the former condition allowed go with it
                before.stream()
                    .filter(key -> !after.containsKey(key))
                    .toList()
                    .forEach(value::remove);
                draw(container, objectSchema, value, pointer);
              }
              : () -> {};
      Component editor = property(name, propertySchema, value, at, redraw);
      if (editor instanceof Details || editor instanceof Nested) {
        nested.add(editor);
      } else {
        simple.add(editor);
        if (editor instanceof TextArea
            || (editor instanceof Div div && !div.hasClassName("relata-colour"))) {
          simple.setColspan(editor, 2);
        }
      }
    }
    container.add(problem, simple);
    nested.forEach(container::add);
    // a list of fields beside a column count (a layout's section) shows them in those columns
    if (editors.get(pointer + "/fields") instanceof NameList fields
        && editors.get(pointer + "/columns") instanceof IntegerField columns) {
      fields.columns(columns.getValue());
      columns.addValueChangeListener(e -> fields.columns(e.getValue()));
    }
  }

  /** Properties an object has, with those of each condition that holds for {@code value}. */
  private Map<String, JsonNode> properties(JsonNode objectSchema, ObjectNode value) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    objectSchema
        .path("properties")
        .fields()
        .forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
    for (JsonNode part : objectSchema.path("allOf")) {
      if (part.has("if") && holds(part.get("if"), value)) {
        part.path("then")
            .path("properties")
            .fields()
            .forEachRemaining(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
      }
    }
    return properties;
  }

  /** The properties a condition of the object reads: changing one changes the form. */
  private static Set<String> discriminators(JsonNode objectSchema) {
    Set<String> names = new HashSet<>();
    for (JsonNode part : objectSchema.path("allOf")) {
      part.path("if").path("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** Whether {@code value} meets an {@code if}: its properties' {@code const} and {@code enum}. */
  private static boolean holds(JsonNode condition, ObjectNode value) {
    Iterator<Map.Entry<String, JsonNode>> tests = condition.path("properties").fields();
    while (tests.hasNext()) {
      Map.Entry<String, JsonNode> test = tests.next();
      JsonNode actual = value.get(test.getKey());
      if (test.getValue().has("const")) {
        if (actual == null || !actual.equals(test.getValue().get("const"))) {
          return false;
        }
      } else if (test.getValue().has("pattern")) {
        if (actual == null
            || !actual.isTextual()
            || !Pattern.compile(test.getValue().get("pattern").asText())
                .matcher(actual.asText())
                .find()) {
          return false;
        }
      } else if (test.getValue().has("enum")) {
        boolean any = false;
        for (JsonNode allowed : test.getValue().get("enum")) {
          any |= allowed.equals(actual);
        }
        if (!any) {
          return false;
        }
      }
    }
    for (JsonNode required : condition.path("required")) {
      if (!value.has(required.asText())) {
        return false;
      }
    }
    return true;
  }

  private Component property(
      String name, JsonNode propertySchema, ObjectNode parent, String at, Runnable redraw) {
    Component editor = editor(name, propertySchema, parent, at, redraw);
    if (!(editor instanceof TextArea area && area.hasClassName("relata-json"))) {
      // drawn as something else now (its field's type changed): what was typed there is moot
      Optional.ofNullable(unparsed.get(parent)).ifPresent(bad -> bad.remove(name));
    }
    return editor;
  }

  private Component editor(
      String name, JsonNode propertySchema, ObjectNode parent, String at, Runnable redraw) {
    String label = label(name);
    Optional<Component> own = assist.editor(at, parent);
    if (own.isPresent()) {
      editors.put(at, own.get());
      return own.get();
    }
    String type = propertySchema.path("type").asText("");
    if (propertySchema.has("enum")) {
      return choice(label, propertySchema, parent, name, at, redraw);
    }
    JsonNode known = knownOrOther(propertySchema);
    if (known != null) {
      return openChoice(label, known, parent, name, at, redraw);
    }
    Optional<Supplier<Map<String, String>>> names = assist.names(at);
    if (type.equals("string") && names.isPresent() && !(named && at.equals("/name"))) {
      return nameChoice(label, names.get(), parent, name, at);
    }
    if (type.equals("string") && COLOUR.equals(propertySchema.path("pattern").asText())) {
      return colour(label, parent, name, at);
    }
    List<JsonNode> shapes = shapes(propertySchema);
    if (!shapes.isEmpty()) {
      return variants(label, name, shapes, parent, at);
    }
    switch (type) {
      case "string" -> {
        return text(label, name, propertySchema, parent, at, redraw);
      }
      case "integer" -> {
        return whole(label, propertySchema, parent, name, at);
      }
      case "number" -> {
        return decimal(label, parent, name, at);
      }
      case "scalar" -> {
        return scalar(label, parent, name, at, true);
      }
      case "boolean" -> {
        // absent means the schema's default (a rule is active unless it says otherwise)
        boolean otherwise = propertySchema.path("default").asBoolean(false);
        Checkbox box = new Checkbox(label, parent.path(name).asBoolean(otherwise));
        box.setId(id(at));
        box.addValueChangeListener(
            e -> {
              if (e.getValue() == otherwise) {
                parent.remove(name);
              } else {
                parent.put(name, e.getValue());
              }
              redraw.run();
            });
        editors.put(at, box);
        return box;
      }
      case "array" -> {
        return array(label, name, propertySchema, parent, at);
      }
      case "object" -> {
        return objectProperty(label, name, propertySchema, parent, at);
      }
      default -> {
        // a field's value of a simple kind (a default value) as that field takes it; else JSON
        return assist.valueKind(at).isPresent()
            ? scalar(label, parent, name, at, false)
            : raw(label, name, parent, at);
      }
    }
  }

  private Component choice(
      String label,
      JsonNode propertySchema,
      ObjectNode parent,
      String name,
      String at,
      Runnable redraw) {
    Select<String> select = new Select<>();
    select.setLabel(label);
    select.setId(id(at));
    List<String> values = new ArrayList<>();
    values.add("");
    propertySchema.get("enum").forEach(v -> values.add(v.asText()));
    select.setItems(values);
    select.setItemLabelGenerator(v -> v.isEmpty() ? "—" : value(v));
    select.setValue(parent.path(name).asText(""));
    select.addValueChangeListener(
        e -> {
          if (e.getValue() == null || e.getValue().isEmpty()) {
            parent.remove(name);
          } else {
            parent.put(name, e.getValue());
          }
          redraw.run();
        });
    editors.put(at, select);
    return select;
  }

  /**
   * The shapes a value may have when it is one of several objects (a trigger on a write, on a date
   * or on a schedule; a user, a group or the owner), nested choices flattened, or when it is an
   * object of exactly one of its members (a role or a group); empty for any other schema.
   */
  private List<JsonNode> shapes(JsonNode propertySchema) {
    if (propertySchema.path("type").asText().equals("object")
        && propertySchema.path("maxProperties").asInt(0) == 1
        && !propertySchema.has("required")
        && propertySchema.has("properties")) {
      // one member of several (a role, or a group): each member a shape of its own
      List<JsonNode> members = new ArrayList<>();
      propertySchema
          .get("properties")
          .fields()
          .forEachRemaining(
              member -> {
                ObjectNode shape = NODES.objectNode().put("type", "object");
                shape.putArray("required").add(member.getKey());
                shape.putObject("properties").set(member.getKey(), member.getValue());
                members.add(shape);
              });
      return members;
    }
    JsonNode alternatives =
        propertySchema.has("oneOf") ? propertySchema.get("oneOf") : propertySchema.path("anyOf");
    List<JsonNode> shapes = new ArrayList<>();
    for (JsonNode alternative : alternatives) {
      JsonNode resolved = resolve(alternative);
      if (resolved.has("oneOf") || resolved.has("anyOf")) {
        List<JsonNode> inner = shapes(resolved);
        if (inner.isEmpty()) {
          return List.of();
        }
        shapes.addAll(inner);
      } else if (resolved.path("type").asText().equals("object") && resolved.has("properties")) {
        shapes.add(resolved);
      } else {
        return List.of();
      }
    }
    return shapes;
  }

  /**
   * A value of one of several shapes: the shape is chosen, then the chosen shape's own fields are
   * shown. A shape is told apart by its constant ({@code "type": "record"}) or, failing that, by
   * the member it requires ({@code user}).
   */
  private Component variants(
      String label, String name, List<JsonNode> shapes, ObjectNode parent, String at) {
    Div box = new Div();
    box.addClassName("relata-schema-variants");
    Select<Integer> kind = new Select<>();
    kind.setLabel(label);
    kind.setId(id(at));
    List<Integer> choices = new ArrayList<>();
    choices.add(-1);
    for (int i = 0; i < shapes.size(); i++) {
      choices.add(i);
    }
    kind.setItems(choices);
    kind.setItemLabelGenerator(i -> i < 0 ? "—" : shapeLabel(shapes.get(i)));
    Div form = new Div();
    form.addClassName("relata-schema-variant");
    Runnable show =
        () -> {
          form.removeAll();
          editors.keySet().removeIf(key -> key.startsWith(at + "/"));
          Integer chosen = kind.getValue();
          if (chosen != null && chosen >= 0 && parent.get(name) instanceof ObjectNode value) {
            form.add(object(shapes.get(chosen), value, at));
          }
          editors.put(at, kind);
        };
    kind.setValue(
        parent.get(name) instanceof ObjectNode value
            ? shapeOf(shapes, value)
            : Integer.valueOf(-1));
    kind.addValueChangeListener(
        e -> {
          Integer chosen = e.getValue();
          if (chosen == null || chosen < 0) {
            parent.remove(name);
          } else {
            ObjectNode value = NODES.objectNode();
            shapes
                .get(chosen)
                .path("properties")
                .fields()
                .forEachRemaining(
                    p -> {
                      if (resolve(p.getValue()).has("const")) {
                        value.set(p.getKey(), resolve(p.getValue()).get("const").deepCopy());
                      }
                    });
            parent.set(name, value);
          }
          show.run();
        });
    show.run();
    box.add(kind, form);
    return box;
  }

  /** The shape's name: its constant's value, else its required member's label. */
  private String shapeLabel(JsonNode shape) {
    Iterator<Map.Entry<String, JsonNode>> properties = shape.path("properties").fields();
    while (properties.hasNext()) {
      JsonNode property = resolve(properties.next().getValue());
      if (property.has("const") && property.get("const").isTextual()) {
        return value(property.get("const").asText());
      }
    }
    JsonNode required = shape.path("required");
    return required.isEmpty() ? "?" : label(required.get(0).asText());
  }

  /** The first shape {@code value} fits: its constants and required members; -1 for none. */
  private int shapeOf(List<JsonNode> shapes, ObjectNode value) {
    for (int i = 0; i < shapes.size(); i++) {
      boolean fits = true;
      Iterator<Map.Entry<String, JsonNode>> properties = shapes.get(i).path("properties").fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        JsonNode constant = resolve(property.getValue()).get("const");
        fits &= constant == null || constant.equals(value.get(property.getKey()));
      }
      for (JsonNode required : shapes.get(i).path("required")) {
        fits &= value.has(required.asText());
      }
      if (fits) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The choices of a value that is one of them or another text of a given form (a field type: a
   * built-in one, or a plugin's named with its namespace); null for other schemas.
   */
  private JsonNode knownOrOther(JsonNode propertySchema) {
    JsonNode alternatives =
        propertySchema.has("anyOf") ? propertySchema.get("anyOf") : propertySchema.path("oneOf");
    JsonNode known = null;
    boolean other = false;
    for (JsonNode alternative : alternatives) {
      JsonNode resolved = resolve(alternative);
      if (resolved.has("enum")) {
        known = resolved.get("enum");
      } else if (resolved.path("type").asText().equals("string")) {
        other = true;
      }
    }
    return other ? known : null;
  }

  private Component openChoice(
      String label, JsonNode known, ObjectNode parent, String name, String at, Runnable redraw) {
    ComboBox<String> box = new ComboBox<>(label);
    List<String> values = new ArrayList<>();
    known.forEach(v -> values.add(v.asText()));
    String current = parent.path(name).asText("");
    if (!current.isEmpty() && !values.contains(current)) {
      values.add(current);
    }
    box.setItems(values);
    box.setItemLabelGenerator(this::value);
    box.setAllowCustomValue(true);
    box.setId(id(at));
    box.setValue(current.isEmpty() ? null : current);
    box.addCustomValueSetListener(
        e -> {
          values.add(e.getDetail());
          box.setItems(values);
          box.setValue(e.getDetail());
        });
    box.addValueChangeListener(
        e -> {
          write(parent, name, e.getValue());
          redraw.run();
        });
    editors.put(at, box);
    return box;
  }

  /** One of the names the document offers; another typed in stays, for the platform to refuse. */
  private Component nameChoice(
      String label,
      Supplier<Map<String, String>> names,
      ObjectNode parent,
      String name,
      String at) {
    ComboBox<String> box = new ComboBox<>(label);
    box.setId(id(at));
    box.setAllowCustomValue(true);
    String current = parent.path(name).asText("");
    // names typed that are not offered (yet) stay, for the platform to say what is wrong
    List<String> typed = new ArrayList<>();
    if (!current.isEmpty()) {
      typed.add(current);
    }
    // the names as last read: labels come from them, so a fetch reads the names once (users and
    // groups are read from the database), not once per name shown
    java.util.concurrent.atomic.AtomicReference<Map<String, String>> read =
        new java.util.concurrent.atomic.AtomicReference<>();
    Choices.offer(
        box,
        () -> {
          Map<String, String> now = names.get();
          read.set(now);
          List<String> values = new ArrayList<>(now.keySet());
          typed.stream().filter(t -> !values.contains(t)).forEach(values::add);
          return values;
        },
        value -> {
          Map<String, String> known = read.updateAndGet(r -> r == null ? names.get() : r);
          String text = known.get(value);
          return text == null || text.equals(value) ? value : text + " (" + value + ")";
        });
    box.setValue(current.isEmpty() ? null : current);
    box.addCustomValueSetListener(
        e -> {
          typed.add(e.getDetail());
          box.setValue(e.getDetail());
        });
    box.addValueChangeListener(e -> write(parent, name, e.getValue()));
    editors.put(at, box);
    return box;
  }

  /** A colour: the browser's own picker, and a way back to none. */
  private Component colour(String label, ObjectNode parent, String name, String at) {
    Input picker = new Input();
    picker.setType("color");
    picker.setId(id(at));
    picker.setAriaLabel(label);
    // as it is picked: a change event misses black picked again after the colour was cleared
    picker.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    Span none = new Span(texts.apply("setup.colour.none"));
    none.addClassName("relata-muted");
    Button clear = new Button(VaadinIcon.CLOSE_SMALL.create());
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    clear.setAriaLabel(texts.apply("setup.colour.clear"));
    clear.setTooltipText(texts.apply("setup.colour.clear"));
    Runnable shown =
        () -> {
          boolean set = parent.hasNonNull(name);
          none.setVisible(!set);
          clear.setVisible(set);
          picker.setClassName("relata-colour-unset", !set);
        };
    if (parent.hasNonNull(name)) {
      picker.setValue(parent.get(name).asText());
    }
    picker.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            write(parent, name, e.getValue());
            shown.run();
          }
        });
    clear.addClickListener(
        e -> {
          parent.remove(name);
          picker.setValue("#000000");
          shown.run();
        });
    shown.run();
    Span caption = new Span(label);
    caption.addClassName("relata-colour-label");
    HorizontalLayout row = new HorizontalLayout(picker, none, clear);
    row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
    row.setSpacing(false);
    Div field = new Div(caption, row);
    field.addClassName("relata-colour");
    editors.put(at, field);
    return field;
  }

  private Component text(
      String label,
      String name,
      JsonNode propertySchema,
      ObjectNode parent,
      String at,
      Runnable redraw) {
    int max = propertySchema.path("maxLength").asInt(0);
    if (LONG.contains(name) || max > 500) {
      TextArea area = new TextArea(label);
      area.setValue(parent.path(name).asText(""));
      area.setId(id(at));
      if (name.equals("source")) {
        area.addClassName("relata-code"); // a script: monospaced, tabs kept, no spelling marks
        area.getElement().setAttribute("spellcheck", "false");
        // checked as it is typed: a pause of half a second sends it
        area.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        area.setValueChangeTimeout(500);
      }
      if (max > 0) {
        area.setMaxLength(max);
      }
      area.addValueChangeListener(
          e -> {
            write(parent, name, e.getValue());
            checked(area, at, e.getValue());
          });
      editors.put(at, area);
      List<Component> tools = assist.tools(at, area);
      if (tools.isEmpty()) {
        return area;
      }
      HorizontalLayout beside = new HorizontalLayout(tools.toArray(Component[]::new));
      beside.addClassName("relata-schema-tools");
      Div with = new Div(area, beside);
      with.addClassName("relata-schema-with-tools");
      return with;
    }
    TextField field = new TextField(label);
    field.setValue(parent.path(name).asText(""));
    field.setId(id(at));
    if (max > 0) {
      field.setMaxLength(max);
    }
    if (named && at.equals("/name")) {
      field.setReadOnly(true);
    } else if (name.equals("name") || name.endsWith("Field")) {
      field.setHelperText(texts.apply("setup.form.name-help"));
    }
    String original = originals.computeIfAbsent(parent, p -> p.path("name").asText(""));
    boolean renames = name.equals("name") && !original.isEmpty() && allowsRename(parent);
    field.addValueChangeListener(
        e -> {
          write(parent, name, e.getValue());
          if (renames) {
            // a renamed field keeps its values: the platform renames its column
            if (original.equals(e.getValue())) {
              parent.remove("renamedFrom");
            } else {
              parent.put("renamedFrom", original);
            }
          }
          redraw.run();
        });
    editors.put(at, field);
    return field;
  }

  /** Whether the schema of {@code item}'s list lets it say what it was called before. */
  private boolean allowsRename(ObjectNode item) {
    return renamable.contains(item);
  }

  /** Shows what the screen finds wrong with {@code text} at its field, or clears it. */
  private void checked(HasValidation field, String at, String text) {
    Optional<String> wrong =
        text == null || text.isBlank() ? Optional.empty() : assist.check(at, text);
    field.setErrorMessage(wrong.orElse(null));
    field.setInvalid(wrong.isPresent());
  }

  /** A list emptied: gone, unless its object must have it. */
  private void emptied(ObjectNode parent, String name) {
    if (requiredOf.getOrDefault(parent, Set.of()).contains(name)) {
      parent.putArray(name);
    } else {
      parent.remove(name);
    }
  }

  private static void write(ObjectNode parent, String name, String text) {
    if (text == null || text.isEmpty()) {
      parent.remove(name);
    } else {
      parent.put(name, text);
    }
  }

  private Component whole(
      String label, JsonNode propertySchema, ObjectNode parent, String name, String at) {
    IntegerField field = new IntegerField(label);
    if (parent.hasNonNull(name)) {
      field.setValue(parent.get(name).asInt());
    }
    if (propertySchema.has("minimum")) {
      field.setMin(propertySchema.get("minimum").asInt());
    }
    if (propertySchema.has("maximum")) {
      field.setMax(propertySchema.get("maximum").asInt());
    }
    field.setStepButtonsVisible(false);
    field.setId(id(at));
    field.addValueChangeListener(
        e -> {
          if (e.getValue() == null) {
            parent.remove(name);
          } else {
            parent.put(name, e.getValue());
          }
        });
    editors.put(at, field);
    return field;
  }

  private Component decimal(String label, ObjectNode parent, String name, String at) {
    BigDecimalField field = new BigDecimalField(label);
    if (parent.hasNonNull(name)) {
      field.setValue(parent.get(name).decimalValue());
    }
    field.setId(id(at));
    field.addValueChangeListener(
        e -> {
          BigDecimal number = e.getValue();
          if (number == null) {
            parent.remove(name);
          } else {
            parent.put(name, number);
          }
        });
    editors.put(at, field);
    return field;
  }

  /** What a value of any simple kind is, as the field it is written to takes it. */
  enum ValueKind {
    TEXT,
    NUMBER,
    YES_NO
  }

  /**
   * A value of any simple kind (a field's value in an action): kept as the field it is written to
   * takes it — a text field's "12345" stays text — and, where that field is not known, a number,
   * {@code true} or {@code false} as typed are kept as such, anything else as text; nothing typed
   * is no value: {@code null} where that sets the field empty (an action), else no member at all (a
   * field's default value).
   */
  private Component scalar(
      String label, ObjectNode parent, String name, String at, boolean emptyIsNull) {
    TextField field = new TextField(label);
    field.setId(id(at));
    JsonNode current = parent.path(name);
    field.setValue(
        current.isMissingNode() || current.isNull()
            ? ""
            : current.isTextual() ? current.asText() : current.toString());
    field.addValueChangeListener(
        e -> {
          String typed = e.getValue().strip();
          // asked now: the record the action writes may have been chosen after this was drawn
          Optional<ValueKind> kind = assist.valueKind(at);
          if (typed.isEmpty() && emptyIsNull) {
            parent.putNull(name);
          } else if (typed.isEmpty()) {
            parent.remove(name);
          } else if (kind.equals(Optional.of(ValueKind.TEXT))) {
            parent.put(name, typed);
          } else if ((typed.equals("true") || typed.equals("false"))
              && !kind.equals(Optional.of(ValueKind.NUMBER))) {
            parent.put(name, Boolean.parseBoolean(typed));
          } else if (typed.matches("-?\\d+(\\.\\d+)?")
              && !kind.equals(Optional.of(ValueKind.YES_NO))) {
            parent.put(name, new BigDecimal(typed));
          } else {
            parent.put(name, typed);
          }
        });
    editors.put(at, field);
    return field;
  }

  /** Any JSON, as text: what no field can show. Text that is not JSON stays an error here. */
  private Component raw(String label, String name, ObjectNode parent, String at) {
    TextArea area = new TextArea(label);
    area.addClassName("relata-json");
    area.setId(id(at));
    area.setHelperText(texts.apply("setup.form.json"));
    String kept = unparsed.getOrDefault(parent, Map.of()).get(name);
    if (kept != null) {
      area.setValue(kept);
      area.setErrorMessage(texts.apply("setup.form.not-json"));
      area.setInvalid(true);
    } else if (parent.has(name)) {
      area.setValue(parent.get(name).toPrettyString());
    }
    area.addValueChangeListener(
        e -> {
          Map<String, String> typed = unparsed.computeIfAbsent(parent, p -> new LinkedHashMap<>());
          typed.remove(name);
          if (e.getValue().isBlank()) {
            parent.remove(name);
            area.setInvalid(false);
            return;
          }
          try {
            parent.set(name, JSON.readTree(e.getValue()));
            area.setInvalid(false);
          } catch (JsonProcessingException bad) {
            typed.put(name, e.getValue());
            area.setErrorMessage(texts.apply("setup.form.not-json"));
            area.setInvalid(true);
          }
        });
    editors.put(at, area);
    return area;
  }

  private Component array(
      String label, String name, JsonNode propertySchema, ObjectNode parent, String at) {
    JsonNode items = resolve(propertySchema.path("items"));
    if (items.has("enum")) {
      MultiSelectComboBox<String> many = new MultiSelectComboBox<>(label);
      List<String> values = new ArrayList<>();
      items.get("enum").forEach(v -> values.add(v.asText()));
      many.setItems(values);
      many.setItemLabelGenerator(this::value);
      Set<String> chosen = new LinkedHashSet<>();
      parent.path(name).forEach(v -> chosen.add(v.asText()));
      many.setValue(chosen);
      many.setId(id(at));
      many.addValueChangeListener(
          e -> {
            if (e.getValue().isEmpty()) {
              emptied(parent, name);
            } else {
              ArrayNode array = parent.putArray(name);
              values.stream().filter(e.getValue()::contains).forEach(array::add);
            }
          });
      editors.put(at, many);
      return many;
    }
    String itemType = items.path("type").asText("");
    Optional<Supplier<Map<String, String>>> names = assist.names(at);
    if (itemType.equals("string") && names.isPresent()) {
      List<String> current = new ArrayList<>();
      parent.path(name).forEach(v -> current.add(v.asText()));
      NameList list =
          new NameList(
              label,
              id(at),
              // lists alike trade names (a layout's sections), not a related list's columns
              at.contains("/relatedLists/") ? at : at.replaceFirst("/\\d+/(?=[^0-9]*$)", "/*/"),
              current,
              names.get(),
              chosen -> {
                if (chosen.isEmpty()) {
                  emptied(parent, name);
                } else {
                  ArrayNode array = parent.putArray(name);
                  chosen.forEach(array::add);
                }
              },
              texts,
              board);
      editors.put(at, list);
      return list;
    }
    if (itemType.equals("string") || itemType.equals("integer")) {
      TextField list = new TextField(label);
      list.setHelperText(texts.apply("setup.form.comma"));
      List<String> shown = new ArrayList<>();
      parent.path(name).forEach(v -> shown.add(v.asText()));
      list.setValue(String.join(", ", shown));
      list.setId(id(at));
      list.addValueChangeListener(
          e -> {
            List<String> parts =
                Arrays.stream(e.getValue().split(","))
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .toList();
            if (parts.isEmpty()) {
              emptied(parent, name);
            } else {
              ArrayNode array = parent.putArray(name);
              for (String part : parts) {
                if (itemType.equals("integer") && part.matches("-?\\d+")) {
                  array.add(Long.parseLong(part));
                } else {
                  array.add(part);
                }
              }
            }
          });
      editors.put(at, list);
      return list;
    }
    if (!itemType.equals("object")) {
      return raw(label, name, parent, at);
    }
    return new Nested(label, name, items, parent, at);
  }

  /** An array of objects: a panel each, to add to, move and remove. */
  private final class Nested extends Div {

    Nested(String label, String name, JsonNode items, ObjectNode parent, String at) {
      addClassName("relata-schema-list");
      setId(id(at));
      Span title = new Span(label);
      title.addClassName("relata-schema-list-title");
      Problem problem = new Problem();
      editors.put(at, problem);
      Div panels = new Div();
      Button add = new Button(texts.apply("setup.form.add"), VaadinIcon.PLUS.create());
      add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      add.setId(id(at) + "-add");
      add(title, problem, panels, add);
      // the items open stay open when the list is drawn again (moved, one removed)
      Set<ObjectNode> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      Runnable[] fill = new Runnable[1];
      fill[0] =
          () -> {
            panels.removeAll();
            editors.keySet().removeIf(key -> key.startsWith(at + "/"));
            ArrayNode array =
                parent.get(name) instanceof ArrayNode existing ? existing : NODES.arrayNode();
            for (int i = 0; i < array.size(); i++) {
              int index = i;
              ObjectNode item = (ObjectNode) array.get(i);
              Details panel = new Details();
              Span handle = new Span(VaadinIcon.MENU.create());
              handle.addClassName("relata-drag-handle");
              handle.getElement().setAttribute("draggable", "true");
              handle.getElement().setAttribute("title", texts.apply("setup.form.drag"));
              panel.setOpened(open.contains(item));
              panel.addOpenedChangeListener(
                  e -> {
                    if (e.isOpened()) {
                      open.add(item);
                    } else {
                      open.remove(item);
                    }
                  });
              Span heading = new Span(summary(item, index));
              panel.setSummary(new Span(handle, heading));
              // the title follows the item's label and name as they are typed
              panel
                  .getElement()
                  .addEventListener("change", e -> heading.setText(summary(item, index)));
              panel.addClassName("relata-schema-item");
              panel.setId(id(at + "/" + i));
              Button up = icon(VaadinIcon.ARROW_UP, "setup.form.up");
              up.setEnabled(i > 0);
              up.addClickListener(
                  e -> {
                    swap(array, index, index - 1);
                    fill[0].run();
                  });
              Button down = icon(VaadinIcon.ARROW_DOWN, "setup.form.down");
              down.setEnabled(i < array.size() - 1);
              down.addClickListener(
                  e -> {
                    swap(array, index, index + 1);
                    fill[0].run();
                  });
              Button remove = icon(VaadinIcon.TRASH, "setup.form.remove");
              remove.setId(id(at + "/" + i) + "-remove");
              remove.addClickListener(
                  e -> {
                    array.remove(index);
                    if (array.isEmpty()) {
                      emptied(parent, name);
                    }
                    fill[0].run();
                  });
              HorizontalLayout tools = new HorizontalLayout();
              assist.itemTools(at + "/" + i, item).forEach(tools::add);
              tools.add(up, down, remove);
              tools.addClassName("relata-schema-item-tools");
              panel.add(tools, object(items, item, at + "/" + i));
              panels.add(panel);
            }
          };
      // a panel dragged by its handle onto another takes its place
      panels
          .getElement()
          .executeJs(
              "const type = $0;"
                  + "const item = t => { while (t && t.parentElement !== this) t = t.parentElement;"
                  + " return t; };"
                  + "this.addEventListener('dragstart', e => {"
                  + " const h = e.target.closest && e.target.closest('.relata-drag-handle');"
                  + " const from = h && item(h); if (!from) return;"
                  + " e.dataTransfer.setData(type, String([...this.children].indexOf(from)));"
                  + " e.dataTransfer.effectAllowed = 'move'; e.stopPropagation(); });"
                  + "this.addEventListener('dragover', e => {"
                  + " if (!e.dataTransfer.types.includes(type)) return;"
                  + " e.preventDefault(); e.dataTransfer.dropEffect = 'move'; });"
                  + "this.addEventListener('drop', e => {"
                  + " if (!e.dataTransfer.types.includes(type)) return;"
                  + " e.preventDefault(); e.stopPropagation(); const to = item(e.target);"
                  + " this.dispatchEvent(new CustomEvent('item-moved', {detail: {"
                  + " from: Number(e.dataTransfer.getData(type)),"
                  + " to: to ? [...this.children].indexOf(to) : this.children.length - 1}})); });",
              "application/x-relata-item-" + Integer.toHexString(at.hashCode()));
      panels
          .getElement()
          .addEventListener(
              "item-moved",
              e -> {
                int from = (int) e.getEventData().getNumber("event.detail.from");
                int to = (int) e.getEventData().getNumber("event.detail.to");
                ArrayNode array =
                    parent.get(name) instanceof ArrayNode existing ? existing : NODES.arrayNode();
                if (from != to
                    && from >= 0
                    && to >= 0
                    && from < array.size()
                    && to < array.size()) {
                  JsonNode moved = array.remove(from);
                  array.insert(to, moved);
                  fill[0].run();
                }
              })
          .addEventData("event.detail.from")
          .addEventData("event.detail.to");
      add.addClickListener(
          e -> {
            ArrayNode array = parent.withArray(name);
            array.addObject();
            fill[0].run();
            Details added = (Details) panels.getComponentAt(panels.getComponentCount() - 1);
            added.setOpened(true);
            // the keyboard goes on in the new item's first field
            added
                .getElement()
                .executeJs(
                    "requestAnimationFrame(() => { const f = this.querySelector('vaadin-text-field,"
                        + " vaadin-combo-box, vaadin-select, vaadin-integer-field,"
                        + " vaadin-big-decimal-field, vaadin-text-area'); if (f) f.focus(); });");
          });
      fill[0].run();
    }

    private Button icon(VaadinIcon icon, String key) {
      Button button = new Button(icon.create());
      button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      button.setAriaLabel(texts.apply(key));
      button.setTooltipText(texts.apply(key));
      return button;
    }
  }

  private static void swap(ArrayNode array, int a, int b) {
    JsonNode first = array.get(a);
    array.set(a, array.get(b));
    array.set(b, first);
  }

  /** How an item of a list is named in its panel: its label, else its name, else its place. */
  private static String summary(ObjectNode item, int index) {
    for (String key : List.of("label", "name", "object", "field", "title", "type")) {
      if (item.path(key).isTextual() && !item.get(key).asText().isBlank()) {
        String text = item.get(key).asText();
        return item.path("name").isTextual() && !key.equals("name")
            ? text + " (" + item.get("name").asText() + ")"
            : text;
      }
    }
    return "#" + (index + 1);
  }

  private Component objectProperty(
      String label, String name, JsonNode propertySchema, ObjectNode parent, String at) {
    JsonNode values = propertySchema.path("additionalProperties");
    if (values.isMissingNode()
        && propertySchema.has("propertyNames")
        && !propertySchema.has("properties")) {
      values = SCALAR; // fields and their values: each value a text, a number or yes/no
    }
    boolean map = values.isObject() && !propertySchema.has("properties");
    if (map && isTranslations(propertySchema, resolve(values))) {
      return translations(label, name, parent, at);
    }
    Details section = new Details(label);
    section.addClassName("relata-schema-section");
    section.setId(id(at));
    if (map) {
      section.add(new Keyed(name, resolve(values), parent, at));
    } else if (propertySchema.has("properties") || propertySchema.has("allOf")) {
      ObjectNode value =
          parent.get(name) instanceof ObjectNode existing ? existing : NODES.objectNode();
      // written into the document once something is set
      section.add(object(propertySchema, value, at));
      section.addOpenedChangeListener(
          e -> {
            if (!parent.has(name)) {
              parent.set(name, value);
            }
          });
    } else {
      return raw(label, name, parent, at);
    }
    section.setOpened(parent.has(name));
    return section;
  }

  /** A map from language codes to texts: what the documents keep translations in. */
  private static boolean isTranslations(JsonNode propertySchema, JsonNode values) {
    String pattern = propertySchema.path("propertyNames").path("pattern").asText("");
    return values.path("type").asText().equals("string") && pattern.contains("[a-z]{2}");
  }

  /** A label in each language: one field per language of Setup. */
  private Component translations(String label, String name, ObjectNode parent, String at) {
    Details section = new Details(label);
    section.addClassName("relata-schema-section");
    section.setId(id(at));
    FormLayout fields = new FormLayout();
    for (String language : LANGUAGES) {
      TextField field = new TextField(texts.apply("setup.language." + language));
      field.setValue(parent.path(name).path(language).asText(""));
      field.setId(id(at + "/" + language));
      field.addValueChangeListener(
          e -> {
            ObjectNode map = parent.with(name);
            write(map, language, e.getValue());
            if (map.isEmpty()) {
              parent.remove(name);
            }
          });
      editors.put(at + "/" + language, field);
      fields.add(field);
    }
    section.add(fields);
    section.setOpened(parent.has(name));
    return section;
  }

  /** An object keyed by names (an object's permissions by object name): a panel per key. */
  private final class Keyed extends Div {

    Keyed(String name, JsonNode values, ObjectNode parent, String at) {
      addClassName("relata-schema-map");
      Div panels = new Div();
      // the keys are names of something (an object's): chosen from them, else typed
      Optional<Supplier<Map<String, String>>> names = assist.names(at);
      ComboBox<String> key = new ComboBox<>();
      key.setAllowCustomValue(true);
      key.setPlaceholder(texts.apply("setup.form.key"));
      key.setId(id(at) + "-key");
      Function<String, String> labelOf =
          entry ->
              names
                  .map(Supplier::get)
                  .map(known -> known.get(entry))
                  .filter(text -> !text.equals(entry))
                  .map(text -> text + " (" + entry + ")")
                  .orElse(entry);
      Choices.offer(
          key,
          () -> {
            List<String> open = new ArrayList<>();
            names.ifPresent(
                known ->
                    known.get().keySet().stream()
                        .filter(n -> !parent.path(name).has(n))
                        .forEach(open::add));
            return open;
          },
          labelOf);
      key.addCustomValueSetListener(e -> key.setValue(e.getDetail()));
      Button add = new Button(texts.apply("setup.form.add"), VaadinIcon.PLUS.create());
      add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      add.setId(id(at) + "-add");
      Runnable[] fill = new Runnable[1];
      fill[0] =
          () -> {
            panels.removeAll();
            editors.keySet().removeIf(k -> k.startsWith(at + "/"));
            ObjectNode map = parent.get(name) instanceof ObjectNode m ? m : NODES.objectNode();
            List<String> keys = new ArrayList<>();
            map.fieldNames().forEachRemaining(keys::add);
            for (String entry : keys) {
              String entryAt = at + "/" + escape(entry);
              Button remove = new Button(VaadinIcon.TRASH.create());
              remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
              remove.setAriaLabel(texts.apply("setup.form.remove"));
              remove.addClickListener(
                  e -> {
                    map.remove(entry);
                    if (map.isEmpty()) {
                      parent.remove(name);
                    }
                    fill[0].run();
                  });
              if (values.path("type").asText().equals("object")) {
                Details panel = new Details(labelOf.apply(entry));
                panel.setId(id(entryAt));
                panel.addClassName("relata-schema-item");
                panel.add(remove, object(values, (ObjectNode) map.get(entry), entryAt));
                panels.add(panel);
              } else {
                // a value of its own (a formula of a field): one line, labelled with its key
                Component editor = property(entry, values, map, entryAt, () -> {});
                if (editor instanceof com.vaadin.flow.component.HasLabel labelled) {
                  labelled.setLabel(labelOf.apply(entry));
                }
                HorizontalLayout line = new HorizontalLayout(editor, remove);
                line.addClassName("relata-schema-entry");
                line.setAlignItems(
                    com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
                line.setFlexGrow(1, editor);
                panels.add(line);
              }
            }
          };
      add.addClickListener(
          e -> {
            String entry = key.getValue() == null ? "" : key.getValue().trim();
            if (entry.isEmpty()) {
              return;
            }
            ObjectNode map = parent.with(name);
            if (!map.has(entry)) {
              if (values.path("type").asText().equals("object")) {
                map.putObject(entry);
              } else {
                map.putNull(entry);
              }
            }
            key.clear();
            fill[0].run();
          });
      HorizontalLayout adding = new HorizontalLayout(key, add);
      adding.setAlignItems(
          com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
      add(panels, adding);
      fill[0].run();
    }
  }

  /** Where problems of a list or section are shown: above it. */
  private static final class Problem extends Span {
    Problem() {
      addClassName("relata-schema-problem");
      setVisible(false);
    }

    void show(String message) {
      setText(message == null ? "" : message);
      setVisible(message != null);
    }
  }

  /** Follows {@code $ref}s into the schema's {@code $defs}. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return current;
      }
      JsonNode target = schema;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }

  private String label(String name) {
    String text = texts.apply("setup.property." + name);
    return text != null ? text : words(name);
  }

  private String value(String value) {
    String text = texts.apply("setup.value." + value);
    return text != null ? text : value;
  }

  /** {@code helpText} → "Help text": for the properties of a plugin's kind, which has no texts. */
  static String words(String name) {
    String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1).toLowerCase();
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The id of the field at {@code pointer}: {@code setup-field-fields-0-name}. */
  static String id(String pointer) {
    return "setup-field" + pointer.replaceAll("[^A-Za-z0-9_]", "-");
  }
}
