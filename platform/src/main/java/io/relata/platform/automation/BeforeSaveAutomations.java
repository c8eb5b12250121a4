package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/**
 * Before a record is saved, the automations its write triggers with {@code timing: before} set its
 * own fields and choose its owner, in their order: each sees the values the ones before it set, and
 * the validation rules already passed on what the writer sent. Values were read when the automation
 * was saved, as the REST API reads them; formulas are computed from the record as it stands. An
 * owner chosen here is the created record's owner from the start, with the rule that chose it on
 * the record's timeline.
 */
@ApplicationScoped
public class BeforeSaveAutomations implements RecordHook {

  private Automating automating;

  /** For CDI's proxy. */
  protected BeforeSaveAutomations() {}

  @Inject
  public BeforeSaveAutomations(Automating automating) {
    this.automating = automating;
  }

  private static final String OWNER = "owner_id";

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
  public void run(RecordChange change) throws SQLException {
    for (Automation automation : Triggered.candidates(change, Trigger.Timing.BEFORE)) {
      if (!Triggered.fires(automation, change)) {
        continue;
      }
      Actions.logged(
          automating,
          change.context(),
          change.object().name(),
          change.id(),
          automation,
          "record",
          usage -> act(change, automation, usage));
    }
  }

  private void act(RecordChange change, Automation automation, ArrayNode usage)
      throws SQLException {
    List<Action> actions = automation.actions();
    for (int index = 0; index < actions.size(); index++) {
      Action action = actions.get(index);
      if (action instanceof Action.Set set) {
        // one value a field does not take refuses the write at that field
        change.setAll(
            ActionValues.of(
                set.values(), change.computed(), change.computedBefore(), change.context()));
      } else if (action instanceof Action.Script script) {
        change.setAll(
            automating
                .scripting()
                .beforeSave(
                    automation,
                    index,
                    script,
                    change.object(),
                    change.computed(),
                    change.context(),
                    usage::add));
      } else if (action instanceof Action.Assign assign) {
        Assigner.Assigned assigned =
            Assigner.choose(
                change.connection(),
                change.object(),
                change.snapshot(),
                change.computed(),
                change.context(),
                assign);
        assigned
            .owner()
            .ifPresent(owner -> change.setAll(JsonCodec.object().put(OWNER, owner.toString())));
        change.because(ActionValues.because(automation, assigned.reason()));
      }
    }
  }
}
