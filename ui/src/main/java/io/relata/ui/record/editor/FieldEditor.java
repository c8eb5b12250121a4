package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import io.relata.metadata.definition.FieldDefinition;

/**
 * The editor of one field on a record page: shows the field's value, takes the user's, and shows
 * the platform's problem at the field. Its component carries the field's name as {@code
 * data-field}.
 */
public interface FieldEditor {

  FieldDefinition field();

  Component component();

  /** Shows the value of the field in {@code record} (the platform's JSON of a record). */
  void read(JsonNode record);

  /** The value as the platform takes it in a write: JSON null for none. */
  JsonNode value();

  /** Whether the user changed the value since it was last read. */
  boolean changed();

  void setReadOnly(boolean readOnly);

  /** Shows {@code message} at the field; null clears it. */
  void setError(String message);
}
