package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;

/** The OpenAPI schema of one field's value, from the field-type registry. */
final class FieldSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FieldSchemas() {}

  /** A value as written: references are ids. */
  static ObjectNode written(ObjectDefinition object, FieldDefinition field) {
    ObjectNode schema = NODES.objectNode();
    FieldType type = field.type();
    FieldTypes.of(type).readSchema(schema, type, object);
    return described(schema, field);
  }

  /**
   * A value as read: a reference is an id, or {@code {"id","name"}} when the read asked for {@code
   * ?expand=} of it.
   */
  static ObjectNode read(ObjectDefinition object, FieldDefinition field) {
    if (!FieldTypes.of(field.type()).reference()) {
      return written(object, field);
    }
    ObjectNode id = NODES.objectNode();
    FieldTypes.of(field.type()).readSchema(id, field.type(), object);
    ObjectNode schema = NODES.objectNode();
    schema.putArray("oneOf").add(id).addObject().put("$ref", OpenApiDocument.ref("Reference"));
    return described(schema, field);
  }

  private static ObjectNode described(ObjectNode schema, FieldDefinition field) {
    if (!field.label().isEmpty()) {
      schema.put("title", field.label());
    }
    field.description().ifPresent(d -> schema.put("description", d));
    schema.put("nullable", true);
    return schema;
  }
}
