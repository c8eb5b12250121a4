package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;

/**
 * Field types as OpenAPI 3.0 schemas: strings with formats and lengths, numbers, enums of picklist
 * values, arrays for multi-picklists; every value that may be empty is {@code nullable}.
 */
final class FieldSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FieldSchemas() {}

  static ObjectNode of(ObjectDefinition object, FieldDefinition field) {
    ObjectNode schema = NODES.objectNode();
    FieldType type = field.type();
    FieldTypes.of(type).readSchema(schema, type, object);
    if (!field.label().isEmpty()) {
      schema.put("title", field.label());
    }
    field.description().ifPresent(d -> schema.put("description", d));
    schema.put("nullable", true);
    return schema;
  }
}
