package io.relata.metadata.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import io.relata.metadata.type.ValuePatterns;
import java.util.List;

/**
 * The JSON Schema (2020-12) that a record written to an object must satisfy, compiled from the
 * object's definition: what clients may send, and what the platform checks on every write. Fields
 * the platform computes (auto-number, formula, roll-up) and system fields are not writable, so they
 * are absent and refused. Served at {@code /api/v1/metadata/objects/{name}/schema}.
 */
public final class RecordSchema {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode document;
  private final JsonSchema schema;

  private RecordSchema(ObjectNode document) {
    this.document = document;
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
  }

  /** Compiles the schema of records written to {@code object}. */
  public static RecordSchema of(ObjectDefinition object) {
    ObjectNode doc = JSON.objectNode();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.put("$id", "urn:relata:record:" + object.name());
    doc.put("title", object.label());
    doc.put("type", "object");
    ObjectNode properties = doc.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (FieldDefinition field : object.fields()) {
      if (field.type().computed()) {
        continue;
      }
      properties.set(field.name(), field(object, field));
      if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
        properties.set(
            currencyOf(field.name()),
            nullable(
                !field.required(),
                JSON.objectNode()
                    .put("type", "string")
                    .put("pattern", ValuePatterns.CURRENCY_CODE)));
      }
      if (field.required()) {
        required.add(field.name());
      }
    }
    if (!required.isEmpty()) {
      doc.set("required", required);
    }
    doc.put("additionalProperties", false);
    return new RecordSchema(doc);
  }

  /** The property that carries the currency of a per-record currency field. */
  public static String currencyOf(String field) {
    return field + "_currency";
  }

  /** The schema document, to serve or to export. */
  public ObjectNode document() {
    return document.deepCopy();
  }

  /** Every reason {@code record} is refused, by JSON pointer; empty when it is accepted. */
  public List<Problem> check(JsonNode record) {
    return SchemaProblems.of(schema.validate(record));
  }

  private static ObjectNode field(ObjectDefinition object, FieldDefinition field) {
    ObjectNode schema = type(object, field.type());
    schema.put("title", field.label());
    field.helpText().ifPresent(help -> schema.put("description", help));
    return nullable(!field.required(), schema);
  }

  private static ObjectNode type(ObjectDefinition object, FieldType type) {
    ObjectNode s = JSON.objectNode();
    FieldTypes.of(type).writeSchema(s, type, object);
    return s;
  }

  /**
   * Optional fields also take {@code null}, which clears them: {@code null} joins the type (or the
   * enumeration), so that every other keyword keeps its own, precise message.
   */
  private static ObjectNode nullable(boolean nullable, ObjectNode schema) {
    if (!nullable) {
      return schema;
    }
    if (schema.has("type")) {
      String type = schema.get("type").asText();
      schema.putArray("type").add(type).add("null");
    }
    if (schema.has("enum")) {
      ((ArrayNode) schema.get("enum")).addNull();
    }
    return schema;
  }
}
