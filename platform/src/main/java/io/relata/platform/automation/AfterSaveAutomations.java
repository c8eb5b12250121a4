package io.relata.platform.automation;

import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * Once a record is stored, the automations its write triggers with {@code timing: after} run their
 * {@link Actions} in the same transaction, each a write of its own through the whole pipeline (its
 * own automations, rules and audit entry included). A refused action refuses the write that
 * triggered it, saying which automation could not do what.
 *
 * <p>Loops end two ways. An automation runs at most once per record in one person's write, however
 * often the writes it causes trigger it again: an update that triggers itself does not loop. And a
 * chain of automations that trigger one another, each on another record, is stopped when it grows
 * deeper than {@value Actions#MAX_DEPTH}, naming the chain.
 */
@ApplicationScoped
public class AfterSaveAutomations implements RecordHook {

  private Automating automating;

  /** For CDI's proxy. */
  protected AfterSaveAutomations() {}

  @Inject
  public AfterSaveAutomations(Automating automating) {
    this.automating = automating;
  }

  @Override
  public String name() {
    return "automations-after-save";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  @Override
  public int order() {
    return 1000;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    for (Automation automation : Triggered.candidates(change, Trigger.Timing.AFTER)) {
      if (Triggered.fires(automation, change)
          && change.once(automation.name() + " " + change.object().name() + " " + change.id())) {
        Actions.run(ActionTarget.of(change, automating), automation, "record");
      }
    }
  }
}
