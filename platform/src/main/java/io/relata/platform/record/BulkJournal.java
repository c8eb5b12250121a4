package io.relata.platform.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a bulk operation records its progress: called inside the transaction that commits each
 * chunk, so that what the journal says is done is exactly what the database holds.
 */
public interface BulkJournal {

  /**
   * A chunk is about to commit.
   *
   * @param done records dealt with so far, changed or refused
   * @param errors this chunk's refusals
   */
  void chunk(Connection connection, long done, long succeeded, long failed, List<BulkError> errors)
      throws SQLException;

  /** A refused record: its id and what refused it. */
  record BulkError(java.util.UUID id, List<RowError.Detail> details) {}
}
