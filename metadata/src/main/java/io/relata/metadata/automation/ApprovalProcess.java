package io.relata.metadata.automation;

import io.relata.metadata.condition.Typed;
import java.util.List;
import java.util.Optional;

/**
 * Approval a record of {@code object} must get before it enters {@code stage}: when {@code
 * condition} holds (always without one), each step's approvers decide in order. Whoever asked is
 * not one of the approvers of their own request unless {@code selfApproval} says so (separation of
 * duties).
 */
public record ApprovalProcess(
    String name,
    String label,
    String object,
    boolean active,
    String stage,
    Optional<String> source,
    Optional<Typed> condition,
    boolean selfApproval,
    List<Step> steps) {

  public ApprovalProcess {
    steps = List.copyOf(steps);
  }

  /**
   * One step: its label, and who decides it: {@code approver} is {@code user}, {@code role}, {@code
   * group} or {@code manager} (the record owner's), {@code name} the user, role or group.
   */
  public record Step(Optional<String> label, String approver, Optional<String> name) {}
}
