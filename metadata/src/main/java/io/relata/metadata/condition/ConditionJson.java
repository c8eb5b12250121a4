package io.relata.metadata.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.condition.Expression.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON form of a condition, for clients that build one rather than write it: {@code
 * {"and": [...]}}, {@code {"or": [...]}}, {@code {"not": {...}}} or a test {@code {"field":
 * "amount", "op": ">=", "value": 1000}}; {@code in}, {@code not in} and {@code between} take {@code
 * "values": [...]}. A value is a string, number or boolean, {@code {"relative": "this_quarter"}} or
 * {@code {"me": true}}. It builds the same {@link Expression} as the text form, with problems
 * pointing into the JSON; the same bounds apply.
 */
public final class ConditionJson {

  private static final Set<String> OPS =
      Set.of(
          "=",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "in",
          "not in",
          "contains",
          "starts with",
          "is null",
          "is not null",
          "between");

  private int tests;

  private ConditionJson() {}

  public static Expression read(JsonNode json) throws ConditionException {
    return new ConditionJson().node(json, "", 1);
  }

  private Expression node(JsonNode json, String at, int depth) throws ConditionException {
    if (depth > ConditionParser.MAX_DEPTH) {
      throw error(at, "condition.too-deep", ConditionParser.MAX_DEPTH);
    }
    if (json == null || !json.isObject() || json.size() == 0) {
      throw error(at, "condition.json-node");
    }
    if (json.size() == 1 && (json.has("and") || json.has("or"))) {
      String key = json.has("and") ? "and" : "or";
      JsonNode array = json.get(key);
      if (!array.isArray() || array.isEmpty()) {
        throw error(at + "/" + key, "condition.json-parts");
      }
      Expression result = null;
      for (int i = 0; i < array.size(); i++) {
        Expression part = node(array.get(i), at + "/" + key + "/" + i, depth + 1);
        result = result == null ? part : new Expression.Binary(key, result, part, Where.in(at));
      }
      return result;
    }
    if (json.size() == 1 && json.has("not")) {
      return new Expression.Unary(
          "not", node(json.get("not"), at + "/not", depth + 1), Where.in(at));
    }
    return test(json, at);
  }

  private Expression test(JsonNode json, String at) throws ConditionException {
    if (++tests > ConditionParser.MAX_TESTS) {
      throw error(at, "condition.too-many-tests", ConditionParser.MAX_TESTS);
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("field", "op", "value", "values").contains(name)) {
        throw error(at + "/" + name, "condition.json-member", name);
      }
    }
    JsonNode field = json.get("field");
    if (field == null || !field.isTextual()) {
      throw error(at + "/field", "condition.json-field");
    }
    JsonNode op = json.get("op");
    if (op == null || !op.isTextual() || !OPS.contains(op.textValue())) {
      throw error(at + "/op", "condition.json-op");
    }
    String operator = op.textValue();
    Expression subject = new Expression.Field(field.textValue(), Where.in(at + "/field"));
    Where where = Where.in(at);
    switch (operator) {
      case "is null", "is not null" -> {
        if (json.has("value") || json.has("values")) {
          throw error(at, "condition.json-no-value", operator);
        }
        return new Expression.IsNull(subject, operator.equals("is not null"), where);
      }
      case "in", "not in", "between" -> {
        JsonNode array = json.get("values");
        int size = operator.equals("between") ? 2 : -1;
        if (array == null
            || !array.isArray()
            || array.isEmpty()
            || array.size() > ConditionParser.MAX_VALUES
            || (size > 0 && array.size() != size)
            || json.has("value")) {
          throw error(at + "/values", "condition.json-values", operator);
        }
        List<Expression> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          values.add(literal(array.get(i), at + "/values/" + i));
        }
        return operator.equals("between")
            ? new Expression.Between(subject, values.get(0), values.get(1), where)
            : new Expression.Among(subject, values, operator.equals("not in"), where);
      }
      default -> {
        if (!json.has("value") || json.has("values")) {
          throw error(at + "/value", "condition.json-value", operator);
        }
        return new Expression.Binary(
            operator, subject, literal(json.get("value"), at + "/value"), where);
      }
    }
  }

  private static Expression literal(JsonNode json, String at) throws ConditionException {
    Where where = Where.in(at);
    if (json.isTextual()) {
      return new Expression.Literal(json.textValue(), where);
    }
    if (json.isNumber()) {
      if (json.isFloatingPointNumber() && !Double.isFinite(json.doubleValue())) {
        throw error(at, "condition.json-literal");
      }
      return new Expression.Literal(json.decimalValue(), where);
    }
    if (json.isBoolean()) {
      return new Expression.Literal(json.booleanValue(), where);
    }
    if (json.isObject() && json.size() == 1 && json.path("relative").isTextual()) {
      return RelativeDate.of(json.get("relative").textValue())
          .<Expression>map(period -> new Expression.Period(period, where))
          .orElseThrow(() -> error(at + "/relative", "condition.relative-date"));
    }
    if (json.isObject() && json.size() == 1 && json.path("me").asBoolean(false)) {
      return new Expression.Me(where);
    }
    throw error(at, "condition.json-literal");
  }

  private static ConditionException error(String at, String code, Object... args) {
    return new ConditionException(code, Where.in(at), args);
  }
}
