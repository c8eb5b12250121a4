package io.relata.platform.record;

import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.database.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one ordered pipeline that every record write runs (ARCHITECTURE.md, "The flow of a record"),
 * in one transaction:
 *
 * <ol>
 *   <li>authorize: the object right and the names of the written fields, before any value is read
 *       (a caller without the right learns nothing of fields, types or rules); then the record is
 *       locked, and one the writer may not read is a 404, one they may not edit a 403, a stale
 *       {@code If-Match} a 409;
 *   <li>read and coerce the values (field types, defaults, sanitising);
 *   <li>guard: stage transitions, fields the target stage requires, validation rules, on the record
 *       as it would be stored;
 *   <li>before-save hooks;
 *   <li>store: references checked against the writer's access, auto-numbers, the row written;
 *   <li>derive hooks (roll-ups);
 *   <li>after-save hooks (audit);
 * </ol>
 *
 * then, after the commit, the after-commit hooks. A {@link Write} says what each step means for its
 * kind of write; the order, the transaction and the hooks are decided here alone.
 */
final class WritePipeline {

  /** What one kind of write does at each step; the pipeline calls them in order. */
  abstract static class Write<T> {

    final RecordChange.Kind kind;

    /** The write's context, object and the writer's access on its revision: set before step 1. */
    WriteContext context;

    CompiledObject object;
    AccessEvaluator writer;

    /** The change, once the write has been through the steps. */
    RecordChange change;

    /** The write whose after-save hook makes this one; null for a person's write. */
    RecordChange parent;

    /** Why the write is made, when a hook makes it: its audit entry keeps them. */
    java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> because = java.util.List.of();

    CompiledObject object() {
      return object;
    }

    Write(RecordChange.Kind kind) {
      this.kind = kind;
    }

    /** Step 1: the object right and the written fields' names; no value has been read. */
    abstract void authorize(ObjectAccess access);

    /** Step 1, continued: the stored record, locked; {@code null} for a create. */
    Map<String, Object> locate(Connection connection, ObjectAccess access) throws SQLException {
      return null;
    }

    /** Step 2: the record's values as they would be stored, read and coerced; mutable. */
    abstract Map<String, Object> read(Map<String, Object> before);

    /** Whether step 3, the guard, applies to this kind of write. */
    boolean guarded() {
      return false;
    }

    /** Step 5: writes the record and answers it as stored (empty when none is left). */
    abstract Map<String, Object> store(Connection connection, RecordChange change)
        throws SQLException;

    /** The answer to the caller, made in the transaction from the stored record. */
    abstract T answer(Connection connection, ObjectAccess access, RecordChange change)
        throws SQLException;
  }

  private final DataSource dataSource;
  private final RecordHooks hooks;

  WritePipeline(DataSource dataSource, RecordHooks hooks) {
    this.dataSource = dataSource;
    this.hooks = hooks;
  }

  /** Runs {@code write} of a record of {@code object} for {@code context}, in a transaction. */
  <T> T run(
      WriteContext context,
      CompiledObjects.Snapshot snapshot,
      CompiledObject object,
      Write<T> write) {
    T answer;
    try {
      answer =
          Transactions.run(
              dataSource,
              connection ->
                  runIn(
                      connection,
                      context,
                      snapshot,
                      object,
                      snapshot.evaluator(connection, context.actor(), context.clock()),
                      write));
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
    hooks.afterCommit(write.change);
    return answer;
  }

  /**
   * Steps 1 to 7 of {@code write} in the caller's transaction, with the writer's access decided
   * already ({@code writer}); the caller commits and then calls {@link #afterCommit}. For writes of
   * many records, each behind a savepoint of one transaction.
   */
  <T> T runIn(
      Connection connection,
      WriteContext context,
      CompiledObjects.Snapshot snapshot,
      CompiledObject object,
      AccessEvaluator writer,
      Write<T> write)
      throws SQLException {
    write.context = context;
    write.object = object;
    write.writer = writer;
    ObjectAccess access = writer.on(object.definition());
    write.authorize(access);
    Map<String, Object> before = write.locate(connection, access);
    RecordChange change =
        new RecordChange(
            write.kind, context, snapshot, object, before, write.read(before), connection);
    write.because.forEach(change::because);
    if (write.parent != null) {
      change.causedBy(write.parent);
    }
    change.writesThrough(this);
    if (write.guarded()) {
      guard(context, object, before, change.values());
    }
    hooks.run(RecordHook.Stage.BEFORE_SAVE, change);
    change.stored(write.store(connection, change));
    hooks.run(RecordHook.Stage.DERIVE, change);
    hooks.run(RecordHook.Stage.AFTER_SAVE, change);
    write.change = change;
    return write.answer(connection, access, change);
  }

  /** The after-commit hooks of a write that {@link #runIn} ran and its caller committed. */
  void afterCommit(Write<?> write) {
    hooks.afterCommit(write.change);
  }

  /** Step 3 on the record as it would be stored, formulas computed; 400 with every violation. */
  static void guard(
      WriteContext context,
      CompiledObject object,
      Map<String, Object> before,
      Map<String, Object> after) {
    Map<String, Object> candidate = new java.util.LinkedHashMap<>();
    object.columns().forEach(c -> candidate.put(c.name(), null));
    candidate.putAll(after);
    NewRecords.invalidIfAny(
        RecordRules.check(
            object,
            Optional.ofNullable(before).map(b -> Formulas.compute(object, b, context.clock())),
            Formulas.compute(object, candidate, context.clock()),
            context.conditions()));
  }
}
