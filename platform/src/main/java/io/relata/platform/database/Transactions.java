package io.relata.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Work on one connection in one transaction: committed when it returns, rolled back otherwise. */
public final class Transactions {

  /** Work that needs a connection. */
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} on a connection without an explicit transaction: each statement sees its own
   * snapshot, and a read pays no COMMIT round trip.
   */
  public static <T> T read(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    }
  }

  /** Runs {@code work} in a transaction of its own; nothing it wrote stays if it throws. */
  public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
