package io.relata.metadata.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON form of a filter: {@code {"and": [...]}}, {@code {"or": [...]}}, {@code {"not":
 * {...}}} or a condition {@code {"field": "amount", "op": ">=", "value": 1000}}; {@code in}, {@code
 * not in} and {@code between} take {@code "values": [...]}. A value is a string, number or boolean,
 * {@code {"relative": "this_quarter"}} or {@code {"me": true}}. Problems point into the document
 * with JSON pointers. The same bounds as the text form apply.
 */
public final class FilterJson {

  private int conditions;

  private FilterJson() {}

  public static Filter read(JsonNode json) throws FilterException {
    return new FilterJson().node(json, "", 1);
  }

  private Filter node(JsonNode json, String at, int depth) throws FilterException {
    if (depth > FilterParser.MAX_DEPTH) {
      throw error(at, "filter.too-deep", FilterParser.MAX_DEPTH);
    }
    if (json == null || !json.isObject() || json.size() == 0) {
      throw error(at, "filter.json-node");
    }
    if (json.size() == 1 && (json.has("and") || json.has("or"))) {
      String key = json.has("and") ? "and" : "or";
      JsonNode array = json.get(key);
      if (!array.isArray() || array.isEmpty()) {
        throw error(at + "/" + key, "filter.json-parts");
      }
      List<Filter> parts = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        parts.add(node(array.get(i), at + "/" + key + "/" + i, depth + 1));
      }
      return key.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
    }
    if (json.size() == 1 && json.has("not")) {
      return new Filter.Not(node(json.get("not"), at + "/not", depth + 1));
    }
    return condition(json, at);
  }

  private Filter condition(JsonNode json, String at) throws FilterException {
    if (++conditions > FilterParser.MAX_CONDITIONS) {
      throw error(at, "filter.too-many-conditions", FilterParser.MAX_CONDITIONS);
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("field", "op", "value", "values").contains(name)) {
        throw error(at + "/" + name, "filter.json-member", name);
      }
    }
    JsonNode field = json.get("field");
    if (field == null || !field.isTextual()) {
      throw error(at + "/field", "filter.json-field");
    }
    JsonNode op = json.get("op");
    Optional<Operator> operator =
        op != null && op.isTextual() ? Operator.of(op.textValue()) : Optional.empty();
    if (operator.isEmpty()) {
      throw error(at + "/op", "filter.json-op");
    }
    List<Literal> values = new ArrayList<>();
    switch (operator.get()) {
      case IS_NULL, IS_NOT_NULL -> {
        if (json.has("value") || json.has("values")) {
          throw error(at, "filter.json-no-value", op.textValue());
        }
      }
      case IN, NOT_IN, BETWEEN -> {
        JsonNode array = json.get("values");
        int size = operator.get() == Operator.BETWEEN ? 2 : -1;
        if (array == null
            || !array.isArray()
            || array.isEmpty()
            || array.size() > FilterParser.MAX_VALUES
            || (size > 0 && array.size() != size)
            || json.has("value")) {
          throw error(at + "/values", "filter.json-values", op.textValue());
        }
        for (int i = 0; i < array.size(); i++) {
          values.add(literal(array.get(i), at + "/values/" + i));
        }
      }
      default -> {
        if (!json.has("value") || json.has("values")) {
          throw error(at + "/value", "filter.json-value", op.textValue());
        }
        values.add(literal(json.get("value"), at + "/value"));
      }
    }
    return new Filter.Condition(field.textValue(), operator.get(), values, at);
  }

  private static Literal literal(JsonNode json, String at) throws FilterException {
    if (json.isTextual()) {
      return new Literal.Text(json.textValue());
    }
    if (json.isNumber()) {
      if (json.isFloatingPointNumber() && !Double.isFinite(json.doubleValue())) {
        throw error(at, "filter.json-literal");
      }
      return new Literal.Number(json.decimalValue());
    }
    if (json.isBoolean()) {
      return new Literal.Bool(json.booleanValue());
    }
    if (json.isObject() && json.size() == 1 && json.path("relative").isTextual()) {
      return RelativeDate.of(json.get("relative").textValue())
          .<Literal>map(Literal.Relative::new)
          .orElseThrow(() -> error(at + "/relative", "filter.relative-date"));
    }
    if (json.isObject() && json.size() == 1 && json.path("me").asBoolean(false)) {
      return new Literal.Me();
    }
    throw error(at, "filter.json-literal");
  }

  private static FilterException error(String at, String code, Object... args) {
    return new FilterException(Problem.at(at, code, args));
  }
}
