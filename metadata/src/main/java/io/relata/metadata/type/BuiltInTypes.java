package io.relata.metadata.type;

import static io.relata.metadata.type.QueryTest.EMPTY;
import static io.relata.metadata.type.QueryTest.EQUALS;
import static io.relata.metadata.type.QueryTest.HOLDS;
import static io.relata.metadata.type.QueryTest.MATCHES;
import static io.relata.metadata.type.QueryTest.ORDERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.FormulaResult;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.type.ColumnType.Storage;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in field types, one entry each: the closed set every document may use. What differs
 * between types is decided here and nowhere else.
 */
final class BuiltInTypes {

  private static final Pattern EMAIL = Pattern.compile(ValuePatterns.EMAIL);
  private static final Pattern PHONE = Pattern.compile(ValuePatterns.PHONE);
  private static final Pattern URL = Pattern.compile(ValuePatterns.URL);

  private BuiltInTypes() {}

  static Map<FieldKind, FieldTypeSpec> all() {
    Map<FieldKind, FieldTypeSpec> types = new EnumMap<>(FieldKind.class);
    types.put(
        FieldKind.TEXT,
        Spec.of("text")
            .read(
                (r, at, json, t) ->
                    r.text(
                        at,
                        json,
                        ((FieldType.Text) t).maxLength(),
                        ((FieldType.Text) t).pattern().map(Pattern::compile)))
            .value(ValueType.TEXT)
            .column(
                t ->
                    new ColumnType(
                        "varchar(" + ((FieldType.Text) t).maxLength() + ")", Storage.TEXT))
            .tests(EQUALS, ORDERS, MATCHES, EMPTY)
            .sorts()
            .groups()
            .searched()
            .checks(OptionChecks::text)
            .writeSchema(
                (s, t, o) -> {
                  FieldType.Text text = (FieldType.Text) t;
                  s.put("type", "string").put("maxLength", text.maxLength());
                  text.pattern().ifPresent(p -> s.put("pattern", p));
                })
            .readSchema(
                (s, t, o) ->
                    s.put("type", "string").put("maxLength", ((FieldType.Text) t).maxLength())));
    types.put(
        FieldKind.LONG_TEXT,
        Spec.of("long-text")
            .read(
                (r, at, json, t) ->
                    r.text(at, json, ((FieldType.LongText) t).maxLength(), Optional.empty()))
            .editor("text-area")
            .column("text", Storage.TEXT)
            .notIndexed()
            .tests(MATCHES, EMPTY)
            .searched()
            .schema(
                (s, t, o) ->
                    s.put("type", "string")
                        .put("maxLength", ((FieldType.LongText) t).maxLength())));
    types.put(
        FieldKind.RICH_TEXT,
        Spec.of("rich-text")
            .read(
                (r, at, json, t) ->
                    r.text(at, json, ((FieldType.RichText) t).maxLength(), Optional.empty()))
            .editor("rich-text")
            .column("text", Storage.TEXT)
            .notIndexed()
            .tests(MATCHES, EMPTY)
            .searched()
            .writeSchema(
                (s, t, o) ->
                    s.put("type", "string").put("maxLength", ((FieldType.RichText) t).maxLength()))
            .readSchema((s, t, o) -> s.put("type", "string").put("format", "html")));
    types.put(FieldKind.NUMBER, decimal("number", "number"));
    types.put(FieldKind.CURRENCY, decimal("currency", "currency").checks(OptionChecks::currency));
    types.put(FieldKind.PERCENT, decimal("percent", "percent"));
    types.put(
        FieldKind.BOOLEAN,
        Spec.of("boolean")
            .read((r, at, json, t) -> r.bool(at, json))
            .editor("checkbox")
            .value(ValueType.BOOLEAN)
            .column("boolean", Storage.BOOLEAN)
            .notUnique()
            .tests(EQUALS, EMPTY)
            .sorts()
            .groups()
            .schema((s, t, o) -> s.put("type", "boolean"))
            .cell(Cells::bool));
    types.put(
        FieldKind.DATE,
        temporal("date", ValueType.DATE, "date", Storage.DATE, ValuePatterns.DATE)
            .read((r, at, json, t) -> r.date(at, json))
            .cell(Cells::date));
    types.put(
        FieldKind.DATETIME,
        temporal(
                "datetime",
                ValueType.DATETIME,
                "timestamptz",
                Storage.INSTANT,
                ValuePatterns.DATE_TIME)
            .read((r, at, json, t) -> r.dateTime(at, json)));
    types.put(
        FieldKind.EMAIL,
        shortText("email", "email", 254)
            .read((r, at, json, t) -> r.text(at, json, 254, Optional.of(EMAIL)))
            .searched()
            .writeSchema(
                (s, t, o) ->
                    s.put("type", "string")
                        .put("pattern", ValuePatterns.EMAIL)
                        .put("maxLength", 254))
            .readSchema(
                (s, t, o) -> s.put("type", "string").put("format", "email").put("maxLength", 254)));
    types.put(
        FieldKind.PHONE,
        shortText("phone", "phone", 40)
            .read((r, at, json, t) -> r.text(at, json, Integer.MAX_VALUE, Optional.of(PHONE)))
            .searched()
            .writeSchema((s, t, o) -> s.put("type", "string").put("pattern", ValuePatterns.PHONE))
            .readSchema((s, t, o) -> s.put("type", "string").put("maxLength", 40)));
    types.put(
        FieldKind.URL,
        shortText("url", "url", 2048)
            .read((r, at, json, t) -> r.text(at, json, 2048, Optional.of(URL)))
            .writeSchema(
                (s, t, o) ->
                    s.put("type", "string")
                        .put("pattern", ValuePatterns.URL)
                        .put("maxLength", 2048))
            .readSchema(
                (s, t, o) -> s.put("type", "string").put("format", "uri").put("maxLength", 2048)));
    types.put(
        FieldKind.PICKLIST,
        Spec.of("picklist")
            .read((r, at, json, t) -> r.choice(at, json, active(((FieldType.Picklist) t).values())))
            .editor("picklist")
            .column("text", Storage.TEXT)
            .checks((at, t, o) -> OptionChecks.values(at, ((FieldType.Picklist) t).values()))
            .tests(EQUALS, EMPTY)
            .sorts()
            .groups()
            .writeSchema((s, t, o) -> s.set("enum", names(((FieldType.Picklist) t).values(), true)))
            .readSchema(
                (s, t, o) ->
                    s.put("type", "string")
                        .set("enum", names(((FieldType.Picklist) t).values(), false))));
    types.put(
        FieldKind.MULTI_PICKLIST,
        Spec.of("multi-picklist")
            .read(
                (r, at, json, t) ->
                    r.choices(at, json, active(((FieldType.MultiPicklist) t).values())))
            .editor("multi-picklist")
            .value(ValueType.LIST)
            .column("text[]", Storage.TEXT_ARRAY)
            .notUnique()
            .checks((at, t, o) -> OptionChecks.values(at, ((FieldType.MultiPicklist) t).values()))
            .tests(HOLDS, EMPTY)
            .writeSchema(
                (s, t, o) -> {
                  s.put("type", "array").put("uniqueItems", true);
                  s.putObject("items")
                      .set("enum", names(((FieldType.MultiPicklist) t).values(), true));
                })
            .readSchema(
                (s, t, o) -> {
                  s.put("type", "array");
                  s.putObject("items")
                      .put("type", "string")
                      .set("enum", names(((FieldType.MultiPicklist) t).values(), false));
                })
            .cell(Cells::list));
    types.put(FieldKind.LOOKUP, reference("lookup", "lookup"));
    types.put(
        FieldKind.MASTER_DETAIL, reference("master-detail", "lookup").checks(OptionChecks::master));
    types.put(
        FieldKind.ABOUT,
        Spec.of("about")
            .read((r, at, json, t) -> r.bySchema(at, json, t))
            .editor("about")
            .value(ValueType.ANY)
            .column("jsonb", Storage.JSON)
            .notIndexed()
            .schema(BuiltInTypes::about));
    types.put(FieldKind.USER, reference("user", "user"));
    types.put(
        FieldKind.AUTO_NUMBER,
        Spec.of("auto-number")
            .read(BuiltInTypes::unwritable)
            .editor("read-only")
            .column("text", Storage.TEXT)
            .tests(EQUALS, ORDERS, MATCHES, EMPTY)
            .sorts()
            .searched()
            .writeSchema(BuiltInTypes::computed)
            .readSchema((s, t, o) -> s.put("type", "string")));
    types.put(
        FieldKind.FORMULA,
        Spec.of("formula")
            .read(BuiltInTypes::unwritable)
            .editor("read-only")
            .value(t -> ValueType.of(((FieldType.Formula) t).resultType()))
            .notUnique()
            .writeSchema(BuiltInTypes::computed)
            .readSchema((s, t, o) -> formula(s, ((FieldType.Formula) t).resultType())));
    types.put(
        FieldKind.ROLL_UP,
        Spec.of("roll-up")
            .read(BuiltInTypes::unwritable)
            .editor("read-only")
            .value(ValueType.NUMBER)
            .column("numeric", Storage.DECIMAL)
            .notUnique()
            .checks(OptionChecks::rollUp)
            .tests(EQUALS, ORDERS, EMPTY)
            .sorts()
            .metrics("sum", "avg", "min", "max")
            .writeSchema(BuiltInTypes::computed)
            .readSchema((s, t, o) -> s.put("type", "number")));
    types.put(
        FieldKind.STAGE,
        Spec.of("stage")
            .read((r, at, json, t) -> r.choice(at, json, stageNames(r.object())))
            .editor("stage-path")
            .column("text", Storage.TEXT)
            .tests(EQUALS, EMPTY)
            .sorts()
            .groups()
            .writeSchema((s, t, o) -> s.set("enum", stages(o)))
            .readSchema((s, t, o) -> s.put("type", "string").set("enum", stages(o))));
    types.put(
        FieldKind.JSON,
        Spec.of("json")
            .read((r, at, json, t) -> r.json(at, json))
            .editor("json")
            .value(ValueType.ANY)
            .column("jsonb", Storage.JSON)
            .notIndexed()
            .readSchema((s, t, o) -> s.put("type", "object")));
    return types;
  }

  /** Number, currency and percent: a decimal of the field's digits, scale and bounds. */
  private static Spec decimal(String id, String editor) {
    return Spec.of(id)
        .editor(editor)
        .value(ValueType.NUMBER)
        .column(t -> numeric(((FieldType.Decimal) t).precision(), ((FieldType.Decimal) t).scale()))
        .read(
            (r, at, json, t) -> {
              FieldType.Decimal d = (FieldType.Decimal) t;
              return r.decimal(at, json, d.precision(), d.scale(), d.min(), d.max());
            })
        .writeSchema(
            (s, t, o) -> {
              FieldType.Decimal d = (FieldType.Decimal) t;
              decimal(s, d.precision(), d.scale(), d.min(), d.max());
            })
        .tests(EQUALS, ORDERS, EMPTY)
        .sorts()
        .groups()
        .metrics("sum", "avg", "min", "max")
        .checks(OptionChecks::decimal)
        .readSchema((s, t, o) -> s.put("type", "number"))
        .cell(Cells::number);
  }

  /**
   * A date or an instant: text in ISO 8601, ordered, grouped by period, its minimum and maximum.
   */
  private static Spec temporal(
      String id, ValueType type, String sql, Storage storage, String pattern) {
    String format = type == ValueType.DATE ? "date" : "date-time";
    return Spec.of(id)
        .editor(format)
        .value(type)
        .column(sql, storage)
        .tests(EQUALS, ORDERS, EMPTY)
        .sorts()
        .groups()
        .metrics("min", "max")
        .writeSchema(
            (s, t, o) -> s.put("type", "string").put("format", format).put("pattern", pattern))
        .readSchema((s, t, o) -> s.put("type", "string").put("format", format));
  }

  private static Spec shortText(String id, String editor, int length) {
    return Spec.of(id)
        .editor(editor)
        .value(ValueType.TEXT)
        .column("varchar(" + length + ")", Storage.TEXT)
        .tests(EQUALS, ORDERS, MATCHES, EMPTY)
        .sorts()
        .groups();
  }

  private static Spec reference(String id, String editor) {
    return Spec.of(id)
        .editor(editor)
        .value(ValueType.ID)
        .column("uuid", Storage.UUID)
        .tests(EQUALS, EMPTY)
        .sorts()
        .groups()
        .refers()
        .read((r, at, json, t) -> r.id(at, json))
        .writeSchema(
            (s, t, o) -> s.put("type", "string").put("pattern", ValuePatterns.UUID_PATTERN))
        .readSchema((s, t, o) -> s.put("type", "string").put("format", "uuid"));
  }

  /**
   * A record of any object: its object's name and its id. The platform indexes the id and decides
   * whether the record may be referred to.
   */
  private static void about(ObjectNode s, FieldType type, ObjectDefinition object) {
    s.put("type", "object");
    s.putArray("required").add("object").add("id");
    ObjectNode properties = s.putObject("properties");
    properties.putObject("object").put("type", "string").put("pattern", ValuePatterns.NAME);
    properties.putObject("id").put("type", "string").put("pattern", ValuePatterns.UUID_PATTERN);
    s.put("additionalProperties", false);
  }

  private static ColumnType numeric(int precision, int scale) {
    return new ColumnType("numeric(" + precision + "," + scale + ")", Storage.DECIMAL);
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

  /** A picklist's value names; only the active ones may be written. */
  private static ArrayNode names(List<PicklistValue> values, boolean activeOnly) {
    ArrayNode names = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    values.stream().filter(v -> !activeOnly || v.active()).forEach(v -> names.add(v.name()));
    return names;
  }

  private static Set<String> active(List<PicklistValue> values) {
    Set<String> names = new HashSet<>();
    values.stream().filter(PicklistValue::active).forEach(v -> names.add(v.name()));
    return names;
  }

  private static Set<String> stageNames(ObjectDefinition object) {
    Set<String> names = new HashSet<>();
    object.pipeline().ifPresent(p -> p.stages().forEach(s -> names.add(s.name())));
    return names;
  }

  /** Computed values are never read from a client: the record reader passes them by. */
  private static Object unwritable(ValueReader reader, String at, JsonNode json, FieldType type) {
    throw new IllegalArgumentException("computed fields are not writable: " + type.id());
  }

  private static ArrayNode stages(ObjectDefinition object) {
    ArrayNode stages = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    object.pipeline().ifPresent(p -> p.stages().forEach(stage -> stages.add(stage.name())));
    return stages;
  }

  private static void computed(ObjectNode schema, FieldType type, ObjectDefinition object) {
    throw new IllegalArgumentException("computed fields are not writable: " + type.id());
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
