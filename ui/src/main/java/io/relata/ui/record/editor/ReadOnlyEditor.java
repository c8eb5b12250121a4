package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.ui.screen.Labels;

/**
 * A value the user cannot type: formulas, roll-ups, auto-numbers, links to any record, and types
 * whose editor the screens do not know. Shown as the formatted value, never written.
 */
final class ReadOnlyEditor implements FieldEditor {

  private final EditorContext context;
  private final FieldDefinition field;
  private final TextField shown = new TextField();

  private ReadOnlyEditor(EditorContext context, FieldDefinition field) {
    this.context = context;
    this.field = field;
    shown.setLabel(Labels.field(field));
    shown.setReadOnly(true);
    shown.getElement().setAttribute("data-field", field.name());
  }

  static FieldEditor of(EditorContext context, FieldDefinition field) {
    return new ReadOnlyEditor(context, field);
  }

  @Override
  public FieldDefinition field() {
    return field;
  }

  @Override
  public Component component() {
    return shown;
  }

  @Override
  public void read(JsonNode record) {
    shown.setValue(context.values().text(context.object(), field, record));
  }

  @Override
  public JsonNode value() {
    return JsonNodeFactory.instance.nullNode();
  }

  @Override
  public boolean changed() {
    return false;
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    // always read-only
  }

  @Override
  public void setError(String message) {
    shown.setErrorMessage(message);
    shown.setInvalid(message != null);
  }
}
