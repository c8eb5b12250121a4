package io.relata.platform.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One moment of a record's timeline, as its reader may see it: hidden fields are neither named nor
 * valued.
 *
 * @param id stable within the timeline: {@code h…} for history, {@code a…} for an activity
 * @param at when it happened; for an activity, when it is due, else when it was logged
 * @param event what happened
 * @param actor who did it; empty for the system
 * @param fields the fields a change set, that the reader may see, sorted
 * @param changes the values before and after of those fields whose history is kept, typed as the
 *     record reader types the field's values (a value the field's type no longer reads is kept as
 *     its text)
 * @param sharedWith for a share's grant or end: the user's or group's name
 * @param access for a share's grant: {@code read} or {@code read-write}
 * @param activity for an activity: the activity
 * @param approval for a turn of an approval request: the request
 * @param mail for a message an automation sent about the record: the message
 * @param because why automations made the change, in order; empty for a person's own
 */
public record TimelineItem(
    String id,
    OffsetDateTime at,
    Event event,
    Optional<Person> actor,
    List<String> fields,
    List<Change> changes,
    Optional<String> sharedWith,
    Optional<String> access,
    Optional<Activity> activity,
    Optional<Approval> approval,
    Optional<Mail> mail,
    List<Because> because) {

  /** What a history item says happened; a change of stage or owner is one of its own. */
  public enum Event {
    CREATED,
    UPDATED,
    STAGE_CHANGED,
    OWNER_CHANGED,
    DELETED,
    RESTORED,
    SHARED,
    UNSHARED,
    /** An activity about the record: a note, task, call, meeting or email. */
    ACTIVITY,
    /** A move into a stage that an approval process guards asked for approval. */
    APPROVAL_ASKED,
    /** An approver approved a step. */
    APPROVAL_APPROVED,
    /** An approver rejected the request. */
    APPROVAL_REJECTED,
    /** Whoever asked, or an administrator, took the request back. */
    APPROVAL_RECALLED,
    /** An automation's email about the record was sent. */
    EMAIL_SENT
  }

  /**
   * An activity about the record, with the values of its fields the reader may see.
   *
   * @param values by field name, among {@code kind}, {@code subject}, {@code body}, {@code due} and
   *     {@code done}, typed as the record reader types them
   * @param owner the activity's owner (whom a task is for)
   */
  public record Activity(UUID id, Map<String, Object> values, Optional<Person> owner) {
    public Activity {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }

  /**
   * A turn of an approval request: the process's label, the stage asked for (when the reader may
   * see the stage), the step decided (from 1) of how many, and the comment given.
   */
  public record Approval(
      String process, Optional<String> stage, int step, int steps, Optional<String> comment) {}

  /**
   * A message sent about the record: its subject, and to whom: a person's name, or the field of the
   * record the address came from (for a reader who may see that field). The address is not shown.
   */
  public record Mail(String subject, Optional<String> toName, Optional<String> toField) {}

  /** Who acted: the user's id and name (display name, else username). */
  public record Person(UUID id, String name) {}

  /** One field's value before and after; either may be null. */
  public record Change(String field, Object before, Object after) {}

  /**
   * Why an automation made a change. For an owner chosen by assignment rules: the rules, and the
   * rule that chose (its number, label and condition) or that the fallback took it; for a group's
   * member, the group and how the member was chosen. For a score a scoring model kept: the score
   * and the points that make it up. A condition that reads a field the reader may not see is left
   * out: that it held would tell them something of its value.
   */
  public record Because(
      String automation,
      Optional<String> automationLabel,
      Optional<String> assignment,
      Optional<String> assignmentLabel,
      Optional<Integer> rule,
      Optional<String> label,
      Optional<String> condition,
      boolean fallback,
      Optional<String> group,
      Optional<String> method,
      Optional<Long> score,
      List<Points> points) {

    public Because {
      points = List.copyOf(points);
    }
  }

  /**
   * Points a scoring model gave: for a condition the record meets (its label, and the condition as
   * the reader may see it), or for the activities of a kind about it (how many, after decay).
   */
  public record Points(
      Optional<String> label,
      Optional<String> condition,
      Optional<String> kind,
      Optional<Integer> count,
      long points) {}

  public TimelineItem {
    fields = List.copyOf(fields);
    changes = List.copyOf(changes);
    because = List.copyOf(because);
  }
}
