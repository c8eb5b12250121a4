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
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.validation.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Schema (2020-12) that a record written to an object must satisfy, compiled from the
 * object's definition: what clients may send, and what the platform checks on every write. Fields
 * the platform computes (auto-number, formula, roll-up) and system fields are not writable, so they
 * are absent and refused. Served at {@code /api/v1/metadata/objects/{name}/schema}.
 */
public final class RecordSchema {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A calendar date with a four-digit year: the year 10000 is refused. */
  public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  /** An ISO-8601 date-time with an offset, four-digit year. */
  public static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** One {@code @}, something on both sides, a dot in the domain; no spaces. */
  public static final String EMAIL = "^[^@\\s]+@[^@\\s.]+\\.[^@\\s]+$";

  /** Web addresses only: no {@code javascript:} or {@code data:} links in a CRM. */
  public static final String URL = "^https?://[^\\s]+$";

  /** An ISO 4217 code. */
  public static final String CURRENCY_CODE = "^[A-Z]{3}$";

  public static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";

  public static final String UUID_PATTERN =
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

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
                JSON.objectNode().put("type", "string").put("pattern", CURRENCY_CODE)));
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
    switch (type.kind()) {
      case TEXT -> {
        FieldType.Text text = (FieldType.Text) type;
        s.put("type", "string").put("maxLength", text.maxLength());
        text.pattern().ifPresent(p -> s.put("pattern", p));
      }
      case LONG_TEXT ->
          s.put("type", "string").put("maxLength", ((FieldType.LongText) type).maxLength());
      case RICH_TEXT ->
          s.put("type", "string").put("maxLength", ((FieldType.RichText) type).maxLength());
      case NUMBER -> {
        FieldType.Number n = (FieldType.Number) type;
        decimal(s, n.precision(), n.scale(), n.min(), n.max());
      }
      case CURRENCY -> {
        FieldType.Currency c = (FieldType.Currency) type;
        decimal(s, c.precision(), c.scale(), c.min(), c.max());
      }
      case PERCENT -> {
        FieldType.Percent p = (FieldType.Percent) type;
        decimal(s, p.precision(), p.scale(), p.min(), p.max());
      }
      case BOOLEAN -> s.put("type", "boolean");
      case DATE -> s.put("type", "string").put("format", "date").put("pattern", DATE);
      case DATETIME -> s.put("type", "string").put("format", "date-time").put("pattern", DATE_TIME);
      case EMAIL -> s.put("type", "string").put("pattern", EMAIL).put("maxLength", 254);
      case PHONE -> s.put("type", "string").put("pattern", PHONE);
      case URL -> s.put("type", "string").put("pattern", URL).put("maxLength", 2048);
      case PICKLIST -> s.set("enum", activeValues(((FieldType.Picklist) type).values()));
      case MULTI_PICKLIST -> {
        s.put("type", "array").put("uniqueItems", true);
        s.putObject("items").set("enum", activeValues(((FieldType.MultiPicklist) type).values()));
      }
      case LOOKUP, MASTER_DETAIL, USER -> s.put("type", "string").put("pattern", UUID_PATTERN);
      case STAGE -> {
        ArrayNode stages = s.putArray("enum");
        object.pipeline().ifPresent(p -> p.stages().forEach(stage -> stages.add(stage.name())));
      }
      case JSON -> {}
      case AUTO_NUMBER, FORMULA, ROLL_UP ->
          throw new IllegalArgumentException("computed fields are not writable: " + type.id());
    }
    return s;
  }

  /**
   * A decimal with {@code precision} digits, {@code scale} of them after the point: the absolute
   * value stays below 10^(precision - scale), and the value is a multiple of 10^-scale.
   */
  private static void decimal(
      ObjectNode s, int precision, int scale, Optional<BigDecimal> min, Optional<BigDecimal> max) {
    BigDecimal limit = BigDecimal.TEN.pow(precision - scale);
    s.put("type", "number");
    s.put("exclusiveMinimum", limit.negate());
    s.put("exclusiveMaximum", limit);
    min.ifPresent(m -> s.put("minimum", m));
    max.ifPresent(m -> s.put("maximum", m));
    s.put("multipleOf", BigDecimal.ONE.movePointLeft(scale));
  }

  private static ArrayNode activeValues(List<PicklistValue> values) {
    ArrayNode names = JSON.arrayNode();
    values.stream().filter(PicklistValue::active).forEach(v -> names.add(v.name()));
    return names;
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
