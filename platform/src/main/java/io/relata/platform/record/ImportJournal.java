package io.relata.platform.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where an import records its progress: called inside the transaction that writes each batch, so
 * that what the journal says is done is exactly what the database holds, even after a crash.
 */
public interface ImportJournal {

  /**
   * A batch is about to commit.
   *
   * @param done rows whose outcome is now final, counted from the start of the file
   */
  void batch(Connection connection, long done, long written, long failed, List<RowError> errors)
      throws SQLException;

  /**
   * Progress of an import that commits only at its end (all-or-nothing, dry run): rows checked so
   * far. Recorded apart from the import's own transaction, so that it is visible while it runs.
   */
  default void progress(long done, long failed) {}
}
