package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;

/** The OpenAPI schema of one field's value, from the field-type registry. */
final class FieldSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FieldSchemas() {}

  /** A value as written: references are ids. */
  static ObjectNode written(ObjectDefinition object, FieldDefinition field) {
    return described(nullable(typed(object, field)), field);
  }

  /**
   * A value as read: a reference is an id, or {@code {"id","name"}} when the read asked for {@code
   * ?expand=} of it. Null is allowed twice: OpenAPI 3.0.3 reads it only beside a type (the id's
   * branch), generators read it on the composed schema (whose generated wrapper refuses null
   * otherwise).
   */
  static ObjectNode read(ObjectDefinition object, FieldDefinition field) {
    if (!FieldTypes.of(field.type()).reference()) {
      return written(object, field);
    }
    ObjectNode schema = NODES.objectNode();
    schema
        .putArray("oneOf")
        .add(nullable(typed(object, field)))
        .addObject()
        .put("$ref", OpenApiDocument.ref("Reference"));
    return described(schema.put("nullable", true), field);
  }

  private static ObjectNode typed(ObjectDefinition object, FieldDefinition field) {
    ObjectNode schema = NODES.objectNode();
    FieldTypes.of(field.type()).readSchema(schema, field.type(), object);
    return schema;
  }

  /**
   * A value that may be empty: null among its types, and among its values where they are listed.
   */
  private static ObjectNode nullable(ObjectNode schema) {
    if (schema.get("enum") instanceof ArrayNode values) {
      values.addNull();
    }
    return schema.put("nullable", true);
  }

  private static ObjectNode described(ObjectNode schema, FieldDefinition field) {
    if (!field.label().isEmpty()) {
      schema.put("title", field.label());
    }
    field.description().ifPresent(d -> schema.put("description", d));
    return schema;
  }
}
