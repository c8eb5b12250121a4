package io.relata.ui.record;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A record's fields as its object's layout arranges them: sections of one to four columns (one on a
 * phone), an editor per field from the field-type registry. A field the user may not see is not on
 * the page at all; one they may only read is never editable; the stage is the path's, not the
 * form's.
 */
final class RecordForm extends Div {

  private final ObjectAccess access;
  private final List<FieldEditor> editors = new ArrayList<>();

  RecordForm(EditorContext context, ObjectAccess access) {
    this.access = access;
    addClassName("relata-form");
    ObjectDefinition object = context.object();
    for (Layout.Section section : sections(object)) {
      List<FieldEditor> shown = new ArrayList<>();
      for (String name : section.fields()) {
        Optional<FieldDefinition> field = SystemFields.field(object, name);
        if (field.isEmpty() || !access.visible(name) || name.equals("stage")) {
          continue;
        }
        shown.add(Editors.of(context, field.get()));
      }
      if (shown.isEmpty()) {
        continue;
      }
      FormLayout form = new FormLayout();
      form.setResponsiveSteps(
          new FormLayout.ResponsiveStep("0", 1),
          new FormLayout.ResponsiveStep("40em", Math.min(2, section.columns())),
          new FormLayout.ResponsiveStep("64em", section.columns()));
      shown.forEach(editor -> form.add(editor.component()));
      H3 title = new H3(section.label());
      title.addClassName("relata-section-title");
      Div part = new Div(title, form);
      part.addClassName("relata-section");
      add(part);
      editors.addAll(shown);
    }
  }

  /** The first layout's sections; without a layout, every field in two columns. */
  static List<Layout.Section> sections(ObjectDefinition object) {
    if (!object.layouts().isEmpty()) {
      return object.layouts().get(0).sections();
    }
    List<String> names = new ArrayList<>();
    object.fields().forEach(f -> names.add(f.name()));
    return List.of(new Layout.Section("", 2, names));
  }

  void read(JsonNode record) {
    editors.forEach(editor -> editor.read(record));
  }

  void setEditing(boolean editing) {
    for (FieldEditor editor : editors) {
      editor.setReadOnly(!editing || !writable(editor.field()));
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
