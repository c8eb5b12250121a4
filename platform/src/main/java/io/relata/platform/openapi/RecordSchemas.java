package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.schema.RecordSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four schemas of one object's records, named after its type name {@code T}: {@code T} as read
 * (with system fields), {@code TInput} as created (required fields required), {@code TChanges} as
 * changed, and {@code TList}, a page of them.
 */
final class RecordSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordSchemas() {}

  /** The schemas by name. */
  static Map<String, ObjectNode> of(ObjectDefinition object, String type) {
    ObjectNode record = NODES.objectNode().put("type", "object").put("title", object.label());
    ObjectNode properties = record.putObject("properties");
    // a read answers every field unless ?fields= chose some: only the id is always there
    record.putArray("required").add("id");
    for (FieldDefinition system : SystemFields.of(object)) {
      if (!system.name().equals("deleted_at")) {
        properties.set(system.name(), FieldSchemas.read(object, system).put("readOnly", true));
      }
    }
    ObjectNode input = NODES.objectNode().put("type", "object");
    ObjectNode inputProperties = input.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    ObjectNode changes = NODES.objectNode().put("type", "object");
    ObjectNode changeProperties = changes.putObject("properties");
    for (FieldDefinition field : object.fields()) {
      properties.set(field.name(), FieldSchemas.read(object, field));
      if (!field.type().computed()) {
        inputProperties.set(field.name(), FieldSchemas.written(object, field));
        changeProperties.set(field.name(), FieldSchemas.written(object, field));
        if (field.required() && field.defaultValue().isEmpty()) {
          required.add(field.name());
        }
      }
      if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
        ObjectNode code = NODES.objectNode().put("type", "string").put("pattern", "^[A-Z]{3}$");
        code.put("nullable", true);
        String name = RecordSchema.currencyOf(field.name());
        properties.set(name, code.deepCopy());
        inputProperties.set(name, code.deepCopy());
        changeProperties.set(name, code);
      }
    }
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    ObjectNode list = NODES.objectNode().put("type", "object");
    list.putArray("required").add("items").add("nextCursor");
    ObjectNode listProperties = list.putObject("properties");
    listProperties
        .putObject("items")
        .put("type", "array")
        .putObject("items")
        .put("$ref", OpenApiDocument.ref(type));
    listProperties.putObject("nextCursor").put("type", "string").put("nullable", true);
    listProperties.putObject("total").put("$ref", OpenApiDocument.ref("Total"));
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    schemas.put(type, record);
    schemas.put(type + "Input", input);
    schemas.put(type + "Changes", changes);
    schemas.put(type + "List", list);
    return schemas;
  }
}
