package io.relata.metadata.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.RecordSchema;
import io.relata.metadata.schema.ValueSchemas;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypeSpec;
import io.relata.metadata.type.FieldTypes;
import io.relata.metadata.type.ValuePatterns;
import io.relata.metadata.type.ValueReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a record written to an object: every property must be a writable field, every required
 * field present, every value of its field's type and within its options. Patterns run under RE2
 * (linear time); lengths are checked before patterns.
 */
public final class RecordReader implements ValueReader {

  private static final Pattern DATE = Pattern.compile(ValuePatterns.DATE);
  private static final Pattern DATE_TIME = Pattern.compile(ValuePatterns.DATE_TIME);
  private static final Pattern EMAIL = Pattern.compile(ValuePatterns.EMAIL);
  private static final Pattern URL = Pattern.compile(ValuePatterns.URL);
  private static final Pattern PHONE = Pattern.compile(ValuePatterns.PHONE);
  private static final Pattern CURRENCY = Pattern.compile(ValuePatterns.CURRENCY_CODE);
  private static final String STAGE = "stage";
  private static final String OWNER = "owner_id";

  private static final Pattern UUID_TEXT = Pattern.compile(ValuePatterns.UUID_PATTERN);

  private final ObjectDefinition object;
  private final boolean partial;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private RecordReader(ObjectDefinition object, boolean partial) {
    this.object = object;
    this.partial = partial;
  }

  /**
   * The typed values of a record, or its problems.
   *
   * @param values by field name; {@code null} where the record clears a field
   */
  public record Result(Map<String, Object> values, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** A whole new record: every required field must be present. */
  public static Result read(ObjectDefinition object, JsonNode record) {
    return read(object, record, false);
  }

  /** Changes to a record: only the fields present are read, and only those may be cleared. */
  public static Result readChanges(ObjectDefinition object, JsonNode changes) {
    return read(object, changes, true);
  }

  private static Result read(ObjectDefinition object, JsonNode record, boolean partial) {
    RecordReader reader = new RecordReader(object, partial);
    if (record == null || !record.isObject()) {
      reader.problems.add(Problem.at("", "record.not-an-object"));
    } else {
      reader.read(record);
    }
    return new Result(
        java.util.Collections.unmodifiableMap(reader.values), List.copyOf(reader.problems));
  }

  private void read(JsonNode record) {
    Map<String, FieldDefinition> writable = new LinkedHashMap<>();
    for (FieldDefinition field : object.fields()) {
      if (!field.type().computed()) {
        writable.put(field.name(), field);
      }
    }
    if (object.pipeline().isPresent() && object.field(STAGE).isEmpty()) {
      writable.put(
          STAGE,
          new FieldDefinition(
              STAGE,
              "Stage",
              Optional.empty(),
              Optional.empty(),
              new FieldType.Stage(),
              false,
              false,
              true,
              Optional.empty(),
              false,
              false,
              Optional.empty(),
              io.relata.metadata.definition.Translations.NONE));
    }
    if (partial) {
      // a change may hand the record to another owner (who may is the platform's to decide)
      SystemFields.field(object, OWNER).ifPresent(owner -> writable.put(OWNER, owner));
    }
    for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      FieldDefinition field = writable.get(name);
      if (field != null) {
        value(field, record.get(name));
      } else if (currencyOf(name, writable).isPresent()) {
        currencyCode(name, record.get(name), currencyOf(name, writable).get());
      } else {
        add("/" + name, "record.unknown-field", name);
      }
    }
    for (FieldDefinition field : writable.values()) {
      if (!partial && field.required() && !record.has(field.name())) {
        add("/" + field.name(), "record.required");
      }
    }
  }

  private void value(FieldDefinition field, JsonNode json) {
    String at = "/" + field.name();
    if (json.isNull()) {
      if (field.required()) {
        add(at, "record.required");
      } else {
        values.put(field.name(), null);
      }
      return;
    }
    Object value = FieldTypes.of(field.type()).read(this, at, json, field.type());
    if (value != null) {
      values.put(field.name(), value);
    }
  }

  @Override
  public ObjectDefinition object() {
    return object;
  }

  @Override
  public String text(String at, JsonNode json, int maxLength, Optional<Pattern> pattern) {
    return string(at, json, maxLength, pattern.orElse(null));
  }

  @Override
  public Boolean bool(String at, JsonNode json) {
    return json.isBoolean() ? json.booleanValue() : wrongType(at, "boolean");
  }

  @Override
  public java.util.UUID id(String at, JsonNode json) {
    String text = string(at, json, Integer.MAX_VALUE, UUID_TEXT);
    return text == null ? null : java.util.UUID.fromString(text);
  }

  @Override
  public JsonNode json(String at, JsonNode json) {
    return withoutNul(at, json) ? json : null;
  }

  /** A string within {@code maxLength} code points that contains a match of {@code pattern}. */
  private String string(String at, JsonNode json, int maxLength, Pattern pattern) {
    if (!json.isTextual()) {
      return wrongType(at, "string");
    }
    String text = json.textValue();
    if (text.indexOf('\0') >= 0) {
      add(at, "record.nul");
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      add(at, "record.too-long", maxLength);
      return null;
    }
    if (pattern != null && !pattern.matcher(text).find()) {
      add(at, "record.pattern");
      return null;
    }
    return text;
  }

  @Override
  public BigDecimal decimal(
      String at,
      JsonNode json,
      int precision,
      int scale,
      Optional<BigDecimal> min,
      Optional<BigDecimal> max) {
    if (!json.isNumber()) {
      return wrongType(at, "number");
    }
    if (json.isFloatingPointNumber() && !Double.isFinite(json.doubleValue())) {
      add(at, "record.precision", precision, scale);
      return null;
    }
    BigDecimal value = json.decimalValue();
    if (value.stripTrailingZeros().scale() > scale) {
      add(at, "record.scale", scale);
      return null;
    }
    if (value.abs().compareTo(BigDecimal.TEN.pow(precision - scale)) >= 0) {
      add(at, "record.precision", precision, scale);
      return null;
    }
    if (min.isPresent() && value.compareTo(min.get()) < 0) {
      add(at, "record.minimum", min.get());
      return null;
    }
    if (max.isPresent() && value.compareTo(max.get()) > 0) {
      add(at, "record.maximum", max.get());
      return null;
    }
    return value;
  }

  @Override
  public LocalDate date(String at, JsonNode json) {
    String text = string(at, json, Integer.MAX_VALUE, DATE);
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1) {
        add(at, "record.date");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      add(at, "record.date");
      return null;
    }
  }

  @Override
  public OffsetDateTime dateTime(String at, JsonNode json) {
    String text = string(at, json, Integer.MAX_VALUE, DATE_TIME);
    if (text == null) {
      return null;
    }
    try {
      OffsetDateTime instant = OffsetDateTime.parse(text);
      int utcYear = instant.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
      if (instant.getYear() < 1 || utcYear < 1 || utcYear > 9999) {
        add(at, "record.date-time");
        return null;
      }
      return instant;
    } catch (DateTimeParseException e) {
      add(at, "record.date-time");
      return null;
    }
  }

  @Override
  public Object bySchema(String at, JsonNode json, FieldType type) {
    FieldTypeSpec spec = FieldTypes.of(type);
    ObjectNode schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    spec.writeSchema(schema, type, object);
    List<Problem> found = ValueSchemas.problems(schema, json, at);
    if (!found.isEmpty() || !withoutNul(at, json)) {
      problems.addAll(found);
      return null;
    }
    ColumnType.Storage storage = FieldTypes.column(type).orElseThrow().storage();
    return switch (storage) {
      case TEXT -> json.asText();
      case DECIMAL -> json.decimalValue();
      case BOOLEAN -> json.booleanValue();
      case DATE -> LocalDate.parse(json.textValue());
      case INSTANT -> OffsetDateTime.parse(json.textValue());
      case UUID -> java.util.UUID.fromString(json.textValue());
      case TEXT_ARRAY -> {
        List<String> values = new java.util.ArrayList<>();
        json.forEach(v -> values.add(v.asText()));
        yield List.copyOf(values);
      }
      case JSON -> json;
    };
  }

  /** PostgreSQL text and jsonb cannot hold U+0000: refused anywhere in a JSON value. */
  private boolean withoutNul(String at, JsonNode json) {
    java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>(List.of(json));
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
        add(at, "record.nul");
        return false;
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        if (names.next().indexOf('\0') >= 0) {
          add(at, "record.nul");
          return false;
        }
      }
      node.elements().forEachRemaining(pending::push);
    }
    return true;
  }

  @Override
  public String choice(String at, JsonNode json, Set<String> allowed) {
    if (!json.isTextual()) {
      return wrongType(at, "string");
    }
    if (!allowed.contains(json.textValue())) {
      add(at, "record.not-allowed", json.textValue());
      return null;
    }
    return json.textValue();
  }

  @Override
  public List<String> choices(String at, JsonNode json, Set<String> allowed) {
    if (!json.isArray()) {
      return wrongType(at, "array");
    }
    List<String> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < json.size(); i++) {
      String item = choice(at + "/" + i, json.get(i), allowed);
      if (item == null) {
        ok = false;
      } else if (!seen.add(item)) {
        add(at, "record.duplicate-value", item);
        ok = false;
      } else {
        chosen.add(item);
      }
    }
    return ok ? List.copyOf(chosen) : null;
  }

  private void currencyCode(String name, JsonNode json, FieldDefinition amount) {
    String at = "/" + name;
    if (json.isNull()) {
      if (amount.required()) {
        add(at, "record.required");
      } else {
        values.put(name, null);
      }
      return;
    }
    String code = string(at, json, 3, CURRENCY);
    if (code != null) {
      values.put(name, code);
    }
  }

  private static Optional<FieldDefinition> currencyOf(
      String name, Map<String, FieldDefinition> writable) {
    return writable.values().stream()
        .filter(f -> f.type() instanceof FieldType.Currency c && c.perRecord())
        .filter(f -> RecordSchema.currencyOf(f.name()).equals(name))
        .findFirst();
  }

  private <T> T wrongType(String at, String expected) {
    add(at, "record.type", expected);
    return null;
  }

  private void add(String pointer, String code, Object... args) {
    problems.add(Problem.at(pointer, code, args));
  }
}
