package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.WriteContext;
import java.util.Map;
import java.util.Optional;

/** An action's values in the REST API's form: as written, and its formulas computed. */
final class ActionValues {

  private ActionValues() {}

  /**
   * {@code values} with each formula computed from {@code record} as it stands (formula fields
   * computed), with {@code prior} as the values before the write.
   */
  static ObjectNode of(
      Action.Values values,
      Map<String, Object> record,
      Optional<Map<String, Object>> prior,
      WriteContext context) {
    ObjectNode json = values.values().deepCopy();
    values
        .formulas()
        .forEach(
            (field, formula) ->
                json.set(
                    field,
                    JsonCodec.value(
                        ConditionEvaluator.evaluate(
                            formula, record, prior, context.conditions()))));
    return json;
  }

  /**
   * A record as scripts and webhooks read it: each field's value in the REST API's JSON form; only
   * {@code fields} when any are named.
   */
  static ObjectNode json(Map<String, Object> record, java.util.List<String> fields) {
    ObjectNode json = JsonCodec.object();
    record.forEach(
        (name, value) -> {
          if (fields.isEmpty() || fields.contains(name)) {
            json.set(name, JsonCodec.value(value));
          }
        });
    return json;
  }

  /** A record as scripts read it: every field's value in the REST API's JSON form. */
  static ObjectNode json(Map<String, Object> record) {
    return json(record, java.util.List.of());
  }

  /** Why an automation changed a record: its name and label, and what the action adds. */
  static ObjectNode because(Automation automation, ObjectNode detail) {
    ObjectNode because =
        JsonCodec.object()
            .put("automation", automation.name())
            .put("automationLabel", automation.label());
    because.setAll(detail);
    return because;
  }
}
