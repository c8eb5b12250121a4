package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.Typed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One step of an automation, run in order for a record its condition holds for. */
public sealed interface Action {

  /**
   * Values for fields: {@code values} as the REST API takes them, and {@code formulas} computed
   * from the triggering record, by field name.
   */
  record Values(ObjectNode values, Map<String, Typed> formulas) {
    public Values {
      values = values.deepCopy();
      formulas = Map.copyOf(formulas);
    }

    public boolean isEmpty() {
      return values.isEmpty() && formulas.isEmpty();
    }
  }

  /** Sets fields of the triggering record itself. */
  record Set(Values values) implements Action {}

  /**
   * Creates a record of {@code object}, its lookup {@code link} (when given) referring to the
   * triggering record.
   */
  record Create(String object, Optional<String> link, Values values) implements Action {}

  /**
   * Adds an activity about the triggering record, owned by the record's owner, due {@code due}
   * after the automation runs.
   */
  record Task(String subject, Optional<Duration> due, String kind) implements Action {}

  /**
   * Gives the triggering record an owner: the one its assignment {@code rules} choose, or {@code
   * to}. Exactly one of the two is present.
   */
  record Assign(Optional<String> rules, Optional<Assignee> to) implements Action {}

  /**
   * Runs JavaScript that sees the record as {@code record}; {@code limits} lowers the platform's
   * governor limits by name ({@code statements}, {@code seconds}, {@code queries}, {@code rows},
   * {@code records}, {@code logBytes}).
   */
  /**
   * Tells people in the app: {@code to} is {@code owner}, {@code manager} (the owner's), a {@code
   * user} by username or a {@code group}'s members ({@code name} says which user or group); {@code
   * message} has the record's fields in braces.
   */
  record Notify(String to, Optional<String> name, String message) implements Action {}

  /**
   * Sends the email {@code template} to people as {@link Notify} names them ({@code to} is {@code
   * owner}, {@code manager}, {@code user} or {@code group}), or to the address in the record's
   * email field ({@code to} is {@code field}); {@code name} names the user, group or field.
   */
  record Email(String template, String to, Optional<String> name) implements Action {}

  /**
   * Calls {@code webhook} with the record's {@code fields}, or all of its fields when the list is
   * empty.
   */
  record Webhook(String webhook, List<String> fields) implements Action {
    public Webhook {
      fields = List.copyOf(fields);
    }
  }

  record Script(String source, Map<String, Long> limits) implements Action {
    public Script {
      limits = Map.copyOf(limits);
    }
  }
}
