package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Before a record is saved, the automations its write triggers with {@code timing: before} set its
 * own fields, in their order: each sees the values the ones before it set, and the validation rules
 * already passed on what the writer sent. Values were read when the automation was saved, as the
 * REST API reads them; formulas are computed from the record as it stands.
 */
@ApplicationScoped
public class BeforeSaveAutomations implements RecordHook {

  @Override
  public String name() {
    return "automations-before-save";
  }

  @Override
  public Stage stage() {
    return Stage.BEFORE_SAVE;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public void run(RecordChange change) {
    for (Automation automation : Triggered.candidates(change, Trigger.Timing.BEFORE)) {
      if (!Triggered.fires(automation, change)) {
        continue;
      }
      for (Action action : automation.actions()) {
        if (action instanceof Action.Set set) {
          apply(change, set.values());
        }
      }
    }
  }

  /**
   * One action's values: formulas computed from the record as it stands, then every value read by
   * its field's type and sanitised as a writer's would be; one a field does not take refuses the
   * write at that field.
   */
  private static void apply(RecordChange change, Action.Values values) {
    ObjectNode json = values.values().deepCopy();
    Map<String, Object> record = change.computed();
    Optional<Map<String, Object>> prior = change.computedBefore();
    values
        .formulas()
        .forEach(
            (field, formula) ->
                json.set(
                    field,
                    JsonCodec.value(
                        ConditionEvaluator.evaluate(
                            formula, record, prior, change.context().conditions()))));
    change.setAll(json);
  }
}
