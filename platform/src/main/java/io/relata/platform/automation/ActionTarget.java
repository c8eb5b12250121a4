package io.relata.platform.automation;

import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.WriteContext;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The record an automation's actions run for, and how they write: once a write stored it, or when
 * one of its dates came (a job).
 *
 * @param current the record as it stands now, formula fields computed: what formulas read, and what
 *     an action after another sees of what the one before it set
 * @param prior the record before the write that triggered the actions; empty otherwise
 * @param gone the record was deleted: nothing is set on it
 * @param context the context of the write or job that runs the actions
 * @param automating runs script actions and logs runs
 */
record ActionTarget(
    CompiledObject object,
    UUID id,
    Current current,
    Optional<Map<String, Object>> prior,
    boolean gone,
    WriteContext context,
    NestedWrites writes,
    Automating automating) {

  /** Reads the record as it stands now. */
  @FunctionalInterface
  interface Current {
    Map<String, Object> get() throws SQLException;
  }

  /** The record as it stands now. */
  Map<String, Object> record() throws SQLException {
    return current.get();
  }

  /** The record a write stored, for its after-save automations. */
  static ActionTarget of(RecordChange change, Automating automating) {
    return new ActionTarget(
        change.object(),
        change.id(),
        change::computed,
        change.computedBefore(),
        change.kind() == RecordChange.Kind.DELETE,
        change.context(),
        change.writes(),
        automating);
  }

  /**
   * A stored record the platform runs actions for on its own (a job's, a score's threshold), read
   * again before each action.
   */
  static ActionTarget stored(
      NestedWrites writes, String object, UUID id, WriteContext context, Automating automating) {
    return new ActionTarget(
        writes.snapshot().required(object),
        id,
        () -> writes.lock(context, object, id).orElseThrow(),
        Optional.empty(),
        false,
        context,
        writes,
        automating);
  }

  /** The context of a job's work: the platform's own, at the job's moment, in UTC. */
  static WriteContext platform(java.time.OffsetDateTime now) {
    return WriteContext.of(
        io.relata.platform.identity.Actor.platform(),
        WriteContext.Channel.AUTOMATION,
        java.time.Clock.fixed(now.toInstant(), java.time.ZoneOffset.UTC));
  }
}
