package io.relata.platform.record;

import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.definition.FormulaResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computes formula fields from a record's stored values. Formulas are computed on read (they have
 * no column), so they are never stale; numeric results are rounded half-up to the formula's scale.
 */
final class Formulas {

  private Formulas() {}

  /** {@code stored} plus every formula field's value; {@code stored} itself when there are none. */
  static Map<String, Object> compute(
      CompiledObject object, Map<String, Object> stored, Clock clock) {
    if (object.formulas().isEmpty()) {
      return stored;
    }
    Map<String, Object> values = new LinkedHashMap<>(stored);
    // a formula's value does not depend on who reads it: formulas cannot name "me"
    ConditionContext context = ConditionContext.of(clock, clock.getZone(), Optional.empty());
    for (CompiledObject.Formula formula : object.formulas()) {
      Object value =
          ConditionEvaluator.evaluate(formula.expression(), values, Optional.empty(), context);
      if (value instanceof BigDecimal number && numeric(formula.type().resultType())) {
        value = number.setScale(formula.type().scale(), RoundingMode.HALF_UP);
      }
      values.put(formula.field().name(), value);
    }
    return values;
  }

  private static boolean numeric(FormulaResult result) {
    return result == FormulaResult.NUMBER
        || result == FormulaResult.CURRENCY
        || result == FormulaResult.PERCENT;
  }
}
