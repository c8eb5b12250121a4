package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.FormulaResult;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import java.util.List;

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
    switch (type.kind()) {
      case TEXT ->
          schema.put("type", "string").put("maxLength", ((FieldType.Text) type).maxLength());
      case LONG_TEXT ->
          schema.put("type", "string").put("maxLength", ((FieldType.LongText) type).maxLength());
      case RICH_TEXT -> schema.put("type", "string").put("format", "html");
      case NUMBER, CURRENCY, PERCENT, ROLL_UP -> schema.put("type", "number");
      case BOOLEAN -> schema.put("type", "boolean");
      case DATE -> schema.put("type", "string").put("format", "date");
      case DATETIME -> schema.put("type", "string").put("format", "date-time");
      case EMAIL -> schema.put("type", "string").put("format", "email").put("maxLength", 254);
      case PHONE -> schema.put("type", "string").put("maxLength", 40);
      case URL -> schema.put("type", "string").put("format", "uri").put("maxLength", 2048);
      case PICKLIST -> enumeration(schema, ((FieldType.Picklist) type).values());
      case MULTI_PICKLIST -> {
        schema.put("type", "array");
        enumeration(schema.putObject("items"), ((FieldType.MultiPicklist) type).values());
      }
      case LOOKUP, MASTER_DETAIL, USER -> schema.put("type", "string").put("format", "uuid");
      case AUTO_NUMBER -> schema.put("type", "string");
      case FORMULA -> formula(schema, ((FieldType.Formula) type).resultType());
      case STAGE -> {
        schema.put("type", "string");
        ArrayNode values = schema.putArray("enum");
        object.pipeline().ifPresent(p -> p.stages().forEach(s -> values.add(s.name())));
      }
      case JSON -> schema.put("type", "object");
    }
    if (!field.label().isEmpty()) {
      schema.put("title", field.label());
    }
    field.description().ifPresent(d -> schema.put("description", d));
    schema.put("nullable", true);
    return schema;
  }

  private static void enumeration(ObjectNode schema, List<PicklistValue> values) {
    schema.put("type", "string");
    ArrayNode names = schema.putArray("enum");
    values.forEach(v -> names.add(v.name()));
  }

  private static void formula(ObjectNode schema, FormulaResult result) {
    switch (result) {
      case NUMBER, CURRENCY, PERCENT -> schema.put("type", "number");
      case BOOLEAN -> schema.put("type", "boolean");
      case DATE -> schema.put("type", "string").put("format", "date");
      default -> schema.put("type", "string");
    }
  }
}
