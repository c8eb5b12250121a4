package io.relata.metadata.automation;

import io.relata.metadata.condition.Typed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service-level clock on each record of {@code object}, counted in {@code calendar}'s working
 * time from the record's creation: the target chosen by the record's priority, standing still while
 * {@code pauseWhen} holds, stopped for good once {@code stopWhen} holds; {@code warning} runs a
 * while before the target passes and {@code breach} when it does, each once per record.
 *
 * @param dueField a date-time field the platform keeps at the moment the target passes
 */
public record SlaPolicy(
    String name,
    String label,
    String object,
    boolean active,
    String calendar,
    Optional<String> priorityField,
    List<Target> targets,
    Optional<Typed> pauseWhen,
    Typed stopWhen,
    Optional<String> dueField,
    Optional<Automation> warning,
    Automation breach) {

  public SlaPolicy {
    targets = List.copyOf(targets);
  }

  /** Working time allowed for records of {@code priority} (any other priority when empty). */
  public record Target(Optional<String> priority, Duration within, Optional<Duration> warnBefore) {}

  /** The target for a record of {@code priority}: its own, else the one for any other. */
  public Optional<Target> target(Object priority) {
    return targets.stream()
        .filter(t -> t.priority().isPresent() && t.priority().get().equals(priority))
        .findFirst()
        .or(() -> targets.stream().filter(t -> t.priority().isEmpty()).findFirst());
  }
}
