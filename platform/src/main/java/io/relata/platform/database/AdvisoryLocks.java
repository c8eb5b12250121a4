package io.relata.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks for work that one node at a time should do (sealing the audit, cleaning
 * up): whoever does not get the lock skips its turn instead of waiting.
 */
public final class AdvisoryLocks {

  private AdvisoryLocks() {}

  /**
   * Takes the lock {@code key} until the connection's transaction ends, if nobody holds it.
   *
   * @return whether this transaction holds it now
   */
  public static boolean tryForTransaction(Connection connection, long key) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, key);
      try (ResultSet locked = lock.executeQuery()) {
        locked.next();
        return locked.getBoolean(1);
      }
    }
  }
}
