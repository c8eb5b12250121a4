package io.relata.ui.screen;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.SystemFields;

/**
 * The one place screens take the labels of metadata from: objects, fields, picklist values and
 * stages. Today the labels as the documents give them; translated labels per language go here.
 */
public final class Labels {

  private Labels() {}

  public static String singular(ObjectDefinition object) {
    return object.label();
  }

  public static String plural(ObjectDefinition object) {
    return object.pluralLabel();
  }

  /** A field's label; the platform's own fields (owner, created at…) in the user's language. */
  public static String field(FieldDefinition field) {
    if (SystemFields.NAMES.contains(field.name())
        && (!field.name().equals("stage") || field.type() instanceof FieldType.Stage)) {
      com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
      if (ui != null) {
        return ui.getTranslation("field." + field.name());
      }
    }
    return field.label();
  }

  public static String value(PicklistValue value) {
    return value.label();
  }
}
