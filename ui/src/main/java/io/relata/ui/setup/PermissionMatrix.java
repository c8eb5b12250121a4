package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.ui.screen.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A permission set's object rights as a matrix: a row per object, a checkbox per right (create,
 * read, edit, delete, view all, modify all), and under each row its fields, each hidden, read-only,
 * editable or as the object says. It edits the document's {@code objects} in place. A right that
 * needs another brings it, and taking one away takes what needs it, as an admin expects: edit
 * without read grants nothing to see.
 */
final class PermissionMatrix extends Div {

  /** The object rights, in the order of the matrix's columns. */
  enum Right {
    CREATE("create"),
    READ("read"),
    EDIT("edit"),
    DELETE("delete"),
    VIEW_ALL("viewAll"),
    MODIFY_ALL("modifyAll");

    final String property;

    Right(String property) {
      this.property = property;
    }

    /** The rights this one is useless without. */
    Set<Right> needs() {
      return switch (this) {
        case READ -> EnumSet.noneOf(Right.class);
        case MODIFY_ALL -> EnumSet.of(READ, EDIT, DELETE, VIEW_ALL);
        default -> EnumSet.of(READ);
      };
    }
  }

  private static final List<String> FIELD_ACCESS = List.of("", "hidden", "read-only", "editable");

  private final ObjectNode document;
  private final Function<String, String> texts;
  private final Map<String, Map<Right, Checkbox>> boxes = new java.util.HashMap<>();

  PermissionMatrix(
      ObjectNode document, CompiledModel model, Function<String, String> texts, String label) {
    this.document = document;
    this.texts = texts;
    addClassName("relata-permission-matrix");
    setId("permission-matrix");
    Span title = new Span(label);
    title.addClassName("relata-schema-list-title");
    Div table = new Div();
    table.addClassName("relata-matrix");
    table.getElement().setAttribute("role", "table");
    Div head = new Div(new Span(texts.apply("setup.matrix.object")));
    head.addClassName("relata-matrix-row");
    head.addClassName("relata-matrix-head");
    head.getElement().setAttribute("role", "row");
    for (Right right : Right.values()) {
      Span heading = new Span(texts.apply("setup.property." + right.property));
      heading.getElement().setAttribute("role", "columnheader");
      head.add(heading);
    }
    head.add(new Span());
    table.add(head);
    List<ObjectDefinition> objects = new ArrayList<>(model.objects());
    objects.sort(Comparator.comparing(Labels::plural));
    for (ObjectDefinition object : objects) {
      row(table, object);
    }
    add(title, table);
  }

  private void row(Div table, ObjectDefinition object) {
    String name = object.name();
    Div row = new Div();
    row.addClassName("relata-matrix-row");
    row.getElement().setAttribute("role", "row");
    row.getElement().setAttribute("data-object", name);
    Span label = new Span(Labels.plural(object));
    label.getElement().setAttribute("role", "rowheader");
    row.add(label);
    Map<Right, Checkbox> rights = new java.util.EnumMap<>(Right.class);
    boxes.put(name, rights);
    for (Right right : Right.values()) {
      Checkbox box = new Checkbox(granted(name, right));
      box.setId("perm-" + name + "-" + right.property);
      box.setAriaLabel(
          Labels.plural(object) + ": " + texts.apply("setup.property." + right.property));
      box.addValueChangeListener(
          e -> {
            if (e.isFromClient()) {
              set(name, right, e.getValue());
            }
          });
      rights.put(right, box);
      row.add(box);
    }
    // built when first opened: an org with hundreds of objects has thousands of fields
    Div fields = new Div();
    fields.addClassName("relata-matrix-fields");
    fields.setId("perm-" + object.name() + "-field-list");
    fields.setVisible(false);
    Button toggle = new Button(texts.apply("setup.matrix.fields"), VaadinIcon.ANGLE_DOWN.create());
    toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    toggle.setId("perm-" + name + "-fields");
    toggle.getElement().setAttribute("aria-expanded", "false");
    toggle.addClickListener(
        e -> {
          boolean open = !fields.isVisible();
          if (open && fields.getComponentCount() == 0) {
            fields(fields, object);
          }
          fields.setVisible(open);
          toggle.setIcon((open ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
          toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
    row.add(toggle);
    table.add(row, fields);
  }

  /** A field's access under its object: as the object says, or hidden, read-only, editable. */
  private void fields(Div fields, ObjectDefinition object) {
    for (FieldDefinition field : object.fields()) {
      Select<String> access = new Select<>();
      access.setLabel(Labels.field(field));
      access.setId("perm-" + object.name() + "-field-" + field.name());
      access.setItems(FIELD_ACCESS);
      access.setItemLabelGenerator(
          value ->
              texts.apply(value.isEmpty() ? "setup.matrix.as-object" : "setup.value." + value));
      access.setValue(
          document
              .path("objects")
              .path(object.name())
              .path("fields")
              .path(field.name())
              .asText(""));
      access.addValueChangeListener(
          e -> {
            if (e.isFromClient()) {
              field(object.name(), field.name(), e.getValue());
            }
          });
      fields.add(access);
    }
  }

  private boolean granted(String object, Right right) {
    return document.path("objects").path(object).path(right.property).asBoolean(false);
  }

  /** Grants or takes a right, with those it needs or that need it; drawn as it now stands. */
  private void set(String object, Right right, boolean granted) {
    ObjectNode rights = rights(object);
    if (granted) {
      rights.put(right.property, true);
      right.needs().forEach(needed -> rights.put(needed.property, true));
    } else {
      rights.remove(right.property);
      for (Right other : Right.values()) {
        if (other.needs().contains(right)) {
          rights.remove(other.property);
        }
      }
    }
    tidy(object);
    boxes.get(object).forEach((each, box) -> box.setValue(granted(object, each)));
  }

  private void field(String object, String field, String access) {
    ObjectNode rights = rights(object);
    if (access == null || access.isEmpty()) {
      if (rights.get("fields") instanceof ObjectNode fields) {
        fields.remove(field);
        if (fields.isEmpty()) {
          rights.remove("fields");
        }
      }
    } else {
      rights.withObject("/fields").put(field, access);
    }
    tidy(object);
  }

  private ObjectNode rights(String object) {
    return document.withObject("/objects").withObject("/" + object);
  }

  /** An object with nothing granted leaves the document, and so does an empty {@code objects}. */
  private void tidy(String object) {
    JsonNode objects = document.path("objects");
    if (objects.path(object).isEmpty()) {
      ((ObjectNode) objects).remove(object);
    }
    if (objects.isEmpty()) {
      document.remove("objects");
    }
  }
}
