package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Once a record is stored, the automations its write triggers with {@code timing: after} run their
 * actions in the same transaction, each a write of its own through the whole pipeline (its own
 * automations, rules and audit entry included): set the record's fields, create a linked record,
 * add a task for the record's owner, choose its owner. A refused action refuses the write that
 * triggered it, saying which automation could not do what.
 *
 * <p>Loops end two ways. An automation runs at most once per record in one person's write, however
 * often the writes it causes trigger it again: an update that triggers itself does not loop. And a
 * chain of automations that trigger one another, each on another record, is stopped when it grows
 * deeper than {@value #MAX_DEPTH}, naming the chain.
 */
@ApplicationScoped
public class AfterSaveAutomations implements RecordHook {

  /** How many automations deep a chain of writes may go. */
  static final int MAX_DEPTH = 16;

  private static final String OWNER = "owner_id";
  private static final String ACTIVITY = "activity";

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
      WriteContext.Cause cause =
          new WriteContext.Cause(automation.name(), change.object().name(), change.id());
      if (!Triggered.fires(automation, change) || !change.once(cause.toString())) {
        continue;
      }
      List<WriteContext.Cause> chain = change.context().chain();
      if (chain.size() >= MAX_DEPTH) {
        throw new InvalidRequestException(
            List.of(
                new Violation(
                    "",
                    "automation.chain-too-deep",
                    List.of(
                        MAX_DEPTH,
                        Stream.concat(chain.stream(), Stream.of(cause))
                            .map(WriteContext.Cause::automation)
                            .collect(Collectors.joining(" → "))))));
      }
      WriteContext context = change.context().causedBy(cause);
      List<Action> actions = automation.actions();
      for (int i = 0; i < actions.size(); i++) {
        try {
          act(change, context, automation, actions.get(i));
        } catch (InvalidRequestException e) {
          throw refused(automation, i, e);
        }
      }
    }
  }

  private static void act(
      RecordChange change, WriteContext context, Automation automation, Action action)
      throws SQLException {
    NestedWrites writes = change.writes();
    String object = change.object().name();
    UUID id = change.id();
    ObjectNode because = ActionValues.because(automation.name(), JsonCodec.object());
    boolean gone = change.kind() == RecordChange.Kind.DELETE;
    if (action instanceof Action.Set set && !gone) {
      writes.update(context, object, id, ActionValues.of(set.values(), change), List.of(because));
    } else if (action instanceof Action.Assign assign && !gone) {
      Assigner.Assigned assigned = Assigner.choose(change, assign);
      because.setAll(assigned.reason());
      if (assigned.owner().isPresent()) {
        writes.update(
            context,
            object,
            id,
            JsonCodec.object().put(OWNER, assigned.owner().get().toString()),
            List.of(because));
      }
    } else if (action instanceof Action.Create create) {
      ObjectNode values = ActionValues.of(create.values(), change);
      create.link().ifPresent(link -> values.put(link, id.toString()));
      writes.create(context, create.object(), values, List.of(because));
    } else if (action instanceof Action.Task task) {
      ObjectNode values =
          JsonCodec.object().put("kind", task.kind()).put("subject", task.subject());
      values.putObject("about").put("object", object).put("id", id.toString());
      task.due()
          .map(due -> change.context().now().plus(due))
          .ifPresent(due -> values.set("due", JsonCodec.value(due)));
      Object owner = change.after().get(OWNER);
      if (owner != null) {
        values.put(OWNER, owner.toString());
      }
      writes.create(context, ACTIVITY, values, List.of(because));
    }
  }

  /**
   * What the triggering writer is told when an action is refused: which automation and action, then
   * what the action's write was refused for. A refusal deeper in a chain says so itself.
   */
  private static InvalidRequestException refused(
      Automation automation, int action, InvalidRequestException e) {
    if (!e.violations().isEmpty() && e.violations().get(0).code().startsWith("automation.")) {
      return e;
    }
    List<Violation> violations = new ArrayList<>();
    violations.add(
        new Violation("", "automation.action-refused", List.of(automation.label(), action + 1)));
    violations.addAll(e.violations());
    return new InvalidRequestException(violations);
  }
}
