package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordInput;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.record.editor.Editors;
import io.relata.ui.record.editor.FieldEditor;
import io.relata.ui.screen.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A record's fields as its object's layout arranges them: sections of one to four columns (one on a
 * phone). Read, each field is its formatted value ({@link ShownValue}); while the user edits, an
 * editor per field from the field-type registry, made only then. A field the user may not see is
 * not on the page at all; one they may only read is never editable; the stage is the path's, not
 * the form's.
 */
final class RecordForm extends Div {

  private final EditorContext context;
  private final ObjectAccess access;
  private final List<Part> parts = new ArrayList<>();
  private final List<FieldEditor> editors = new ArrayList<>();
  private JsonNode record = JsonNodeFactory.instance.objectNode();
  private boolean editing;

  /** A section on the page: its fields, their values as read, and their editors while editing. */
  private record Part(List<FieldDefinition> fields, FormLayout values, FormLayout editors) {}

  RecordForm(EditorContext context, ObjectAccess access) {
    this.context = context;
    this.access = access;
    addClassName("relata-form");
    ObjectDefinition object = context.object();
    for (Layout.Section section : sections(object)) {
      List<FieldDefinition> shown = new ArrayList<>();
      for (String name : section.fields()) {
        SystemFields.field(object, name)
            .filter(f -> access.visible(f.name()) && !f.name().equals("stage"))
            .ifPresent(shown::add);
      }
      if (shown.isEmpty()) {
        continue;
      }
      Part part = new Part(shown, columns(section), columns(section));
      part.editors().setVisible(false);
      H3 title = new H3(Labels.section(section));
      title.addClassName("relata-section-title");
      Div box = new Div(title, part.values(), part.editors());
      box.addClassName("relata-section");
      add(box);
      parts.add(part);
    }
  }

  private static FormLayout columns(Layout.Section section) {
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("40em", Math.min(2, section.columns())),
        new FormLayout.ResponsiveStep("64em", section.columns()));
    return form;
  }

  /** The first layout's sections; without a layout, every field in two columns. */
  static List<Layout.Section> sections(ObjectDefinition object) {
    if (!object.layouts().isEmpty()) {
      return object.layouts().get(0).sections();
    }
    List<String> names = new ArrayList<>();
    object.fields().forEach(f -> names.add(f.name()));
    return List.of(
        new Layout.Section("", io.relata.metadata.definition.Translations.NONE, 2, names));
  }

  /** Shows {@code record}: as values to read, or in the editors while the user edits. */
  void read(JsonNode record) {
    this.record = record;
    if (editing) {
      editors.forEach(editor -> editor.read(record));
    } else {
      showValues();
    }
  }

  private void showValues() {
    for (Part part : parts) {
      part.values().removeAll();
      part.fields().forEach(f -> part.values().add(ShownValue.of(context, f, record)));
    }
  }

  /**
   * Editing makes the editors, each showing the record as last read; leaving it drops them and
   * shows the values again.
   */
  void setEditing(boolean editing) {
    if (editing && !this.editing) {
      for (Part part : parts) {
        for (FieldDefinition field : part.fields()) {
          FieldEditor editor = Editors.of(context, field);
          editor.read(record);
          editor.setReadOnly(!writable(field));
          part.editors().add(editor.component());
          editors.add(editor);
        }
        part.values().removeAll();
      }
    } else if (!editing && this.editing) {
      parts.forEach(part -> part.editors().removeAll());
      editors.clear();
      showValues();
    }
    this.editing = editing;
    for (Part part : parts) {
      part.values().setVisible(!editing);
      part.editors().setVisible(editing);
    }
  }

  private boolean writable(FieldDefinition field) {
    return access.field(field.name()) == FieldAccess.EDITABLE
        && !field.type().computed()
        && !SystemFields.NAMES.contains(field.name());
  }

  /** The values the user changed, as a write takes them. */
  RecordInput changes() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldEditor editor : editors) {
      if (writable(editor.field()) && editor.changed()) {
        values.put(editor.field().name(), editor.value());
      }
    }
    return RecordInput.of(values);
  }

  /** Every value given, for a new record (empty ones left to the defaults). */
  RecordInput values() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldEditor editor : editors) {
      if (writable(editor.field()) && !editor.value().isNull()) {
        values.put(editor.field().name(), editor.value());
      }
    }
    return RecordInput.of(values);
  }

  /**
   * Shows each problem at its field, in {@code locale}; answers those that belong to no field on
   * the form.
   */
  List<String> show(List<Violation> violations, Locale locale) {
    editors.forEach(editor -> editor.setError(null));
    List<String> elsewhere = new ArrayList<>();
    for (Violation violation : violations) {
      String message = Messages.text(violation.code(), locale, violation.args().toArray());
      Optional<FieldEditor> at = at(violation.pointer());
      if (at.isPresent()) {
        at.get().setError(message);
      } else {
        elsewhere.add(message);
      }
    }
    return elsewhere;
  }

  private Optional<FieldEditor> at(String pointer) {
    String name = pointer.startsWith("/") ? pointer.substring(1).split("/", 2)[0] : pointer;
    return editors.stream().filter(e -> e.field().name().equals(name)).findFirst();
  }

  List<FieldEditor> editors() {
    return editors;
  }
}
