package io.relata.metadata.automation;

import io.relata.metadata.condition.Typed;
import java.util.List;
import java.util.Optional;

/**
 * An ordered rule table that chooses a record's owner: the first rule whose condition holds names
 * the assignee; the fallback takes the record when none holds, or when the chosen assignee has
 * nobody who can take it.
 */
public record AssignmentRules(
    String name, String label, String object, List<Rule> rules, Assignee fallback) {

  public AssignmentRules {
    rules = List.copyOf(rules);
  }

  /**
   * One row of the table.
   *
   * @param number from 1, as an admin reads the table
   * @param source the condition as written, for the reason a record's timeline shows
   */
  public record Rule(
      int number, Optional<String> label, String source, Typed condition, Assignee to) {}
}
