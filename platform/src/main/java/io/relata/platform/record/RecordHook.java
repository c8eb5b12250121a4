package io.relata.platform.record;

import java.sql.SQLException;
import java.util.List;

/**
 * A named step that every record write runs at its {@link Stage}, in {@link #order()} within the
 * stage (ARCHITECTURE.md, "The flow of a record"). A concern that every write kind needs (audit,
 * roll-ups, later automations and plugins) registers as a hook instead of being written into
 * create, update, delete and import one by one. Hooks are CDI beans; the registry ({@link
 * RecordHooks}) refuses two with one name.
 *
 * <p>A hook refuses a write with {@link RecordChange#refuse}: the whole write rolls back, the audit
 * entry and the roll-ups included, and the caller gets the problem at the field.
 */
public interface RecordHook {

  /** Where in a write a hook runs. */
  enum Stage {
    /** After the guard, before the record is stored: may change the record's values or refuse. */
    BEFORE_SAVE,
    /** After the record is stored: keeps derived values (roll-ups) current, in the transaction. */
    DERIVE,
    /** After deriving, in the transaction: audit entries, jobs to enqueue. */
    AFTER_SAVE,
    /** After the commit, outside the transaction: what must not happen for a rolled-back write. */
    AFTER_COMMIT
  }

  /** Unique among hooks, for logs and the order of hooks with the same {@link #order()}. */
  String name();

  Stage stage();

  /** Lower runs first within the stage. */
  int order();

  /** Runs for one record's write. */
  void run(RecordChange change) throws SQLException;

  /**
   * Runs for the records of one batch, all of one object and one transaction (an import's batch),
   * in order. One at a time unless the hook can do better, as the audit (one {@code COPY}) and the
   * roll-ups (each parent once) do.
   */
  default void runAll(List<RecordChange> changes) throws SQLException {
    for (RecordChange change : changes) {
      run(change);
    }
  }
}
