package io.relata.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened, as the audit log keeps it.
 *
 * @param at when the change was made
 * @param actor who made it; empty for an anonymous event such as a failed login
 * @param action what kind of event, for example {@code record.update} or {@code login.failed}
 * @param object the object of a record event
 * @param recordId the record of a record event
 * @param detail facts that are never personal data (a revision number, changed field names); its
 *     {@value #ACTOR_VALUES} names fields set from nothing to the actor's own id, see {@link
 *     #actorValues}
 * @param changes field values before and after, which an erasure may remove later
 */
public record AuditEntry(
    OffsetDateTime at,
    Optional<UUID> actor,
    String action,
    Optional<String> object,
    Optional<UUID> recordId,
    JsonNode detail,
    List<FieldChange> changes) {

  /** One field's value before and after the change; a null side is JSON {@code null}. */
  public record FieldChange(String field, JsonNode before, JsonNode after) {

    public FieldChange {
      before = before == null ? NullNode.getInstance() : before;
      after = after == null ? NullNode.getInstance() : after;
    }
  }

  /** Actions, objects and fields are names: the chain's canonical form relies on it. */
  public AuditEntry {
    requireName(action);
    object.ifPresent(AuditEntry::requireName);
    changes = List.copyOf(changes);
    changes.forEach(change -> requireName(change.field()));
  }

  /** An entry for {@code action} by {@code actor}, with no record, detail or values yet. */
  public static AuditEntry event(OffsetDateTime at, Optional<UUID> actor, String action) {
    return new AuditEntry(
        at,
        actor,
        action,
        Optional.empty(),
        Optional.empty(),
        JsonNodeFactory.instance.objectNode(),
        List.of());
  }

  /** This entry about record {@code recordId} of {@code object}. */
  public AuditEntry on(String object, UUID recordId) {
    return new AuditEntry(
        at, actor, action, Optional.of(object), Optional.of(recordId), detail, changes);
  }

  /** This entry about {@code object} as a whole (an export, a metadata change of it). */
  public AuditEntry on(String object) {
    return new AuditEntry(at, actor, action, Optional.of(object), recordId, detail, changes);
  }

  /**
   * This entry with {@code key} in its detail. Values are strings, numbers, booleans, collections
   * of strings or JSON; never personal data, which belongs in {@link #changes}.
   */
  public AuditEntry with(String key, Object value) {
    ObjectNode copy = detail.isObject() ? ((ObjectNode) detail).deepCopy() : null;
    if (copy == null) {
      throw new IllegalStateException("the detail is not an object");
    }
    copy.set(key, JSON.valueToTree(value));
    return new AuditEntry(at, actor, action, object, recordId, copy, changes);
  }

  /** This entry naming the API token the change came through, if any. */
  public AuditEntry via(Optional<UUID> token) {
    return token.map(id -> with("token", id.toString())).orElse(this);
  }

  /** The detail key of the fields set to the actor's own id, see {@link #actorValues}. */
  public static final String ACTOR_VALUES = "actorValues";

  /**
   * This entry saying that {@code fields} went from no value to the actor's own id. They are kept
   * as names, not as values: a created record's owner is its creator nearly always, and a value of
   * its own for each would be the largest part of an import's audit after the entry itself. Readers
   * show them as values, and the chain covers them through the detail and the actor.
   */
  public AuditEntry actorValues(List<String> fields) {
    return fields.isEmpty() ? this : with(ACTOR_VALUES, fields);
  }

  /** This entry with these values before and after. */
  public AuditEntry changes(List<FieldChange> values) {
    return new AuditEntry(at, actor, action, object, recordId, detail, values);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Refuses what is not a name: a lower-case letter, then up to 99 lower-case letters, digits and
   * {@code _.-}. Checked by hand, not by a pattern: an import checks one per record.
   */
  private static void requireName(String name) {
    boolean valid =
        name != null && !name.isEmpty() && name.length() <= 100 && isLower(name.charAt(0));
    for (int i = 1; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = isLower(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException("not a name: " + name);
    }
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
