package io.relata.platform.automation;

import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.record.RecordReader;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

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

  private static void apply(RecordChange change, Action.Values values) {
    ObjectDefinition object = change.object().definition();
    RecordReader.Result read = RecordReader.readChanges(object, values.values());
    if (!read.ok()) {
      // the automation was checked against this revision's object: a value it no longer takes
      // is a defect of the platform, not of the writer
      throw new IllegalStateException("an automation's values do not fit " + read.problems());
    }
    read.values().forEach(change::set);
    for (Map.Entry<String, io.relata.metadata.condition.Typed> formula :
        values.formulas().entrySet()) {
      Object value =
          ConditionEvaluator.evaluate(
              formula.getValue(), change.after(), change.before(), change.context().conditions());
      change.set(formula.getKey(), value);
    }
  }
}
