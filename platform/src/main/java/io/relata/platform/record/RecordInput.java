package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a caller writes to a record, by field name, as plain Java values: {@code String},
 * {@code BigDecimal} (or another {@code Number}), {@code Boolean}, {@code LocalDate}, {@code
 * OffsetDateTime}, {@code UUID}, a {@code List} for multi-picklists, a {@code Map} or {@code List}
 * for JSON fields, and {@code null} to clear a field. Screens and scripts build one without JSON;
 * the REST layer makes one from the request body ({@link #fromJson}). The record service reads and
 * coerces the values against the object's field types, so a value of the wrong type is a problem at
 * its field, never an exception.
 */
public final class RecordInput {

  private final Map<String, Object> values;

  private RecordInput(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** The values of {@code values}, in its order. */
  public static RecordInput of(Map<String, ?> values) {
    return new RecordInput(new LinkedHashMap<>(values));
  }

  /** No values: a record of defaults only. */
  public static RecordInput empty() {
    return new RecordInput(new LinkedHashMap<>());
  }

  /**
   * The members of a JSON object as plain values; anything but an object is {@code
   * record.not-an-object}.
   */
  public static RecordInput fromJson(JsonNode body) {
    ObjectNode object = NewRecords.requireObject(body);
    Map<String, Object> values = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(member -> values.put(member.getKey(), plain(member.getValue())));
    return new RecordInput(values);
  }

  /** The names of the written fields, in order: what authorization checks before any value. */
  public Set<String> names() {
    return values.keySet();
  }

  public Map<String, Object> values() {
    return values;
  }

  /** The values as the JSON the record reader checks and coerces. */
  ObjectNode json() {
    ObjectNode json = JsonCodec.object();
    values.forEach((name, value) -> json.set(name, node(value)));
    return json;
  }

  private static JsonNode node(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JsonCodec.object();
      map.forEach((name, member) -> object.set(String.valueOf(name), node(member)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JsonCodec.NODES.arrayNode();
      list.forEach(item -> array.add(node(item)));
      return array;
    }
    if (value instanceof Number number && !(value instanceof BigDecimal)) {
      return JsonCodec.NODES.numberNode(new BigDecimal(number.toString()));
    }
    return JsonCodec.value(value);
  }

  private static Object plain(JsonNode json) {
    if (json.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.fields().forEachRemaining(member -> map.put(member.getKey(), plain(member.getValue())));
      return map;
    }
    if (json.isArray()) {
      List<Object> list = new ArrayList<>(json.size());
      json.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (json.isNumber()) {
      return json.decimalValue();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (json.isTextual()) {
      return json.textValue();
    }
    return null;
  }

  @Override
  public String toString() {
    return "RecordInput" + values.keySet();
  }
}
