package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.ui.screen.Labels;
import java.util.Objects;
import java.util.function.Function;

/**
 * An editor that is one Vaadin field, its value converted to and from the platform's JSON. What
 * differs between field types is the component and the two conversions; the rest is here.
 */
final class Bound<V> implements FieldEditor {

  private final FieldDefinition field;
  private final AbstractField<?, V> component;
  private final Function<JsonNode, V> fromJson;
  private final Function<V, JsonNode> toJson;
  private JsonNode read = JsonNodeFactory.instance.nullNode();

  Bound(
      FieldDefinition field,
      AbstractField<?, V> component,
      Function<JsonNode, V> fromJson,
      Function<V, JsonNode> toJson) {
    this.field = field;
    this.component = component;
    this.fromJson = fromJson;
    this.toJson = toJson;
    component.getElement().setAttribute("data-field", field.name());
    if (component instanceof HasLabel labelled) {
      labelled.setLabel(Labels.field(field));
    }
    if (field.required()) {
      component.setRequiredIndicatorVisible(true);
    }
    field.helpText().ifPresent(help -> component.getElement().setProperty("helperText", help));
  }

  @Override
  public FieldDefinition field() {
    return field;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public void read(JsonNode record) {
    JsonNode value = record.get(field.name());
    JsonNode stored = value == null ? JsonNodeFactory.instance.nullNode() : value;
    V converted = stored.isNull() ? null : fromJson.apply(stored);
    component.setValue(converted == null ? component.getEmptyValue() : converted);
    // what the editor makes of the stored value (a null flag shows as false, a time to the
    // milliseconds the picker keeps): only a difference from this is the user's change
    read = value();
    setError(null);
  }

  @Override
  public JsonNode value() {
    V value = component.getValue();
    if (value == null || Objects.equals(value, component.getEmptyValue()) && !isFlag()) {
      return JsonNodeFactory.instance.nullNode();
    }
    return toJson.apply(value);
  }

  private boolean isFlag() {
    return component.getEmptyValue() instanceof Boolean;
  }

  @Override
  public boolean changed() {
    return !value().equals(read);
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    component.setReadOnly(readOnly);
  }

  @Override
  public void setError(String message) {
    if (component instanceof HasValidation validated) {
      validated.setErrorMessage(message);
      validated.setInvalid(message != null);
    } else if (message != null) {
      component.getElement().setAttribute("title", message);
      component.getElement().setAttribute("invalid", true);
    } else {
      component.getElement().removeAttribute("title");
      component.getElement().removeAttribute("invalid");
    }
  }
}
