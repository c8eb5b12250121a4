package io.relata.platform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.FieldDefinition;
import java.io.IOException;
import java.util.Optional;

/**
 * A field's default value as an SQL literal, for the one place DDL cannot take a bind parameter:
 * {@code ADD COLUMN ... NOT NULL DEFAULT}. Only JSON strings, numbers and booleans, which the
 * record schema has already checked against the field's type; quotes are doubled.
 */
final class SqlLiterals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SqlLiterals() {}

  static Optional<String> of(FieldDefinition field) {
    return field.defaultValue().flatMap(SqlLiterals::literal);
  }

  private static Optional<String> literal(String json) {
    JsonNode value;
    try {
      value = JSON.readTree(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(value.decimalValue().toPlainString());
    }
    if (value.isBoolean()) {
      return Optional.of(value.asBoolean() ? "true" : "false");
    }
    if (value.isTextual()) {
      return Optional.of("'" + value.asText().replace("'", "''") + "'");
    }
    return Optional.empty();
  }
}
