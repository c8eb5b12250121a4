package io.relata.ui.setup;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.type.FieldTypes;
import java.util.Optional;

/**
 * What a value written to a field is, as a form takes it ({@link SchemaForm.ValueKind}): the one
 * place for an action's value and a field's default value alike.
 */
final class FieldValueKinds {

  private FieldValueKinds() {}

  /** A number, yes or no, or text; empty for a list or any JSON (a plugin's type). */
  static Optional<SchemaForm.ValueKind> of(FieldDefinition field) {
    return switch (FieldTypes.of(field.type()).valueType(field.type())) {
      case NUMBER -> Optional.of(SchemaForm.ValueKind.NUMBER);
      case BOOLEAN -> Optional.of(SchemaForm.ValueKind.YES_NO);
      case TEXT, DATE, DATETIME, ID -> Optional.of(SchemaForm.ValueKind.TEXT);
      default -> Optional.empty();
    };
  }
}
