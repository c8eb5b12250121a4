package io.relata.platform.record;

import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.Pipeline;
import io.relata.platform.rest.ProblemException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks a record must pass after its values are read and before it is written: the pipeline's
 * guard (allowed stage transitions, fields the target stage requires, the condition it sets) and
 * the object's active validation rules, evaluated on the whole record as it would be stored,
 * formulas included.
 */
final class RecordRules {

  private static final String STAGE = "stage";

  private RecordRules() {}

  /**
   * Every violation of the record {@code after}; {@code before} is the stored record on update,
   * empty on create (what rules read as prior values).
   */
  static List<Violation> check(
      CompiledObject object,
      Optional<Map<String, Object>> before,
      Map<String, Object> after,
      ConditionContext context) {
    List<Violation> violations = new ArrayList<>();
    stageGuard(object, before, after, context, violations);
    for (CompiledObject.Rule rule : object.rules()) {
      if (!ConditionEvaluator.passes(rule.condition(), after, before, context)) {
        violations.add(
            new Violation(
                rule.rule().field().map(f -> "/" + f).orElse(""),
                "record.rule",
                List.of(rule.rule().message(), rule.rule().name())));
      }
    }
    return violations;
  }

  private static void stageGuard(
      CompiledObject compiled,
      Optional<Map<String, Object>> before,
      Map<String, Object> after,
      ConditionContext context,
      List<Violation> violations) {
    ObjectDefinition object = compiled.definition();
    if (object.pipeline().isEmpty()) {
      return;
    }
    Pipeline pipeline = object.pipeline().get();
    String from = before.map(b -> (String) b.get(STAGE)).orElse(null);
    String to = (String) after.get(STAGE);
    if (to == null || Objects.equals(from, to)) {
      return;
    }
    if (from != null) {
      List<String> next = pipeline.stage(from).map(Pipeline.Stage::next).orElse(List.of());
      if (!next.isEmpty() && !next.contains(to)) {
        violations.add(new Violation("/" + STAGE, "record.stage-transition", List.of(from, to)));
        return;
      }
    }
    for (String required : pipeline.stage(to).map(Pipeline.Stage::requiredFields).orElseThrow()) {
      if (after.get(required) == null) {
        violations.add(new Violation("/" + required, "record.stage-requires", List.of(to)));
      }
    }
    Optional<Pipeline.Guard> guard = pipeline.stage(to).flatMap(Pipeline.Stage::guard);
    if (guard.isPresent()
        && !ConditionEvaluator.passes(compiled.guard(to).orElseThrow(), after, before, context)) {
      violations.add(
          new Violation("/" + STAGE, "record.stage-guard", List.of(guard.get().message(), to)));
    }
  }
}
