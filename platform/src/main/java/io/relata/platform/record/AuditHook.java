package io.relata.platform.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the audit entry of every record write ({@link RecordAudit}) in the write's transaction, so
 * that a committed write has exactly one and a refused one none. It runs first among the after-save
 * hooks: the entry says what this write stored, and what automations then write in the same
 * transaction are writes of their own, each with its own entry after it.
 */
@ApplicationScoped
public class AuditHook implements RecordHook {

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    RecordAudit.written(change);
  }

  @Override
  public void runAll(List<RecordChange> changes) throws SQLException {
    RecordAudit.writtenAll(changes.get(0).connection(), changes);
  }
}
