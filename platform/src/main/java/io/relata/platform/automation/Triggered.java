package io.relata.platform.automation;

import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.record.RecordChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which automations a write triggers: those of its object, active, of the write's timing and event,
 * whose fields it changes, whose stage it enters or leaves, and whose condition holds for the
 * record as it stands (with the stored record as the prior values).
 */
final class Triggered {

  private static final String STAGE = "stage";

  private Triggered() {}

  /** The active automations of the write's object and {@code timing}, in the order they run. */
  static List<Automation> candidates(RecordChange change, Trigger.Timing timing) {
    if (event(change.kind()).isEmpty()) {
      return List.of();
    }
    return change
        .snapshot()
        .automations()
        .active(change.object().name(), Trigger.OnWrite.class)
        .stream()
        .filter(a -> ((Trigger.OnWrite) a.trigger()).timing() == timing)
        .toList();
  }

  /**
   * Whether {@code automation} fires on the write as it stands now: after the automations before
   * it, so that each sees what they set.
   */
  static boolean fires(Automation automation, RecordChange change) {
    Trigger.Event event = event(change.kind()).orElseThrow();
    Trigger.OnWrite trigger = (Trigger.OnWrite) automation.trigger();
    return matches(trigger, event, change)
        && automation
            .condition()
            .map(
                c ->
                    ConditionEvaluator.selects(
                        c,
                        change.computed(),
                        change.computedBefore(),
                        change.context().conditions()))
            .orElse(true);
  }

  private static boolean matches(
      Trigger.OnWrite trigger, Trigger.Event event, RecordChange change) {
    if (!trigger.events().contains(event)) {
      return false;
    }
    if (!trigger.fields().isEmpty()
        && trigger.fields().stream().noneMatch(change.changed()::contains)) {
      return false;
    }
    Object before = change.before().map(b -> b.get(STAGE)).orElse(null);
    Object after = event == Trigger.Event.DELETE ? null : change.after().get(STAGE);
    if (trigger.entersStage().isPresent()
        && !(trigger.entersStage().get().equals(after) && !Objects.equals(before, after))) {
      return false;
    }
    return trigger.leavesStage().isEmpty()
        || (trigger.leavesStage().get().equals(before) && !Objects.equals(before, after));
  }

  private static Optional<Trigger.Event> event(RecordChange.Kind kind) {
    return switch (kind) {
      case CREATE -> Optional.of(Trigger.Event.CREATE);
      case UPDATE -> Optional.of(Trigger.Event.UPDATE);
      case DELETE -> Optional.of(Trigger.Event.DELETE);
      case RESTORE, PURGE -> Optional.empty();
    };
  }
}
