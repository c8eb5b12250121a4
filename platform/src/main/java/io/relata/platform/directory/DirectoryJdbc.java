package io.relata.platform.directory;

import io.relata.platform.database.Transactions;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How the directory reaches its tables: a read without a transaction, a change in one. */
final class DirectoryJdbc {

  private DirectoryJdbc() {}

  static <T> T read(DataSource dataSource, Transactions.Work<T> work) {
    try {
      return Transactions.read(dataSource, work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the directory", e);
    }
  }

  static <T> T write(DataSource dataSource, Transactions.Work<T> work) {
    try {
      return Transactions.run(dataSource, work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the directory", e);
    }
  }
}
