package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The automations of one revision, with their documents as written. Immutable; the platform asks it
 * which automations a write or a date triggers.
 */
public final class Automations {

  public static final Automations EMPTY = new Automations(List.of(), List.of());

  private final List<Automation> automations;
  private final List<JsonNode> documents;

  public Automations(List<Automation> automations, List<JsonNode> documents) {
    this.automations =
        automations.stream()
            .sorted(Comparator.comparingInt(Automation::order).thenComparing(Automation::name))
            .toList();
    this.documents = documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /** Every automation, active or not, in the order they run. */
  public List<Automation> all() {
    return automations;
  }

  /** The active automations of {@code object} with a trigger of {@code type}, in order. */
  public <T extends Trigger> List<Automation> active(String object, Class<T> type) {
    return automations.stream()
        .filter(a -> a.active() && a.object().equals(object) && type.isInstance(a.trigger()))
        .toList();
  }

  public Optional<Automation> named(String name) {
    return automations.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The documents as written, copies. */
  public List<JsonNode> documents() {
    return documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }
}
