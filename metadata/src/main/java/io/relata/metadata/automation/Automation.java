package io.relata.metadata.automation;

import io.relata.metadata.condition.Typed;
import java.util.List;
import java.util.Optional;

/**
 * An automation, compiled: for records of {@code object}, on its {@link Trigger}, when {@code
 * condition} holds (always without one), run {@code actions} in order.
 *
 * @param order automations of one object and trigger run by order, then by name
 */
public record Automation(
    String name,
    String label,
    String object,
    boolean active,
    int order,
    Trigger trigger,
    Optional<Typed> condition,
    List<Action> actions) {

  public Automation {
    actions = List.copyOf(actions);
  }
}
