package io.relata.platform.view;

import io.relata.platform.database.Transactions;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How a user's own views and dashboards reach their tables: a read, or a change in one. */
final class PersonalRows {

  private PersonalRows() {}

  static <T> T run(DataSource dataSource, boolean write, Transactions.Work<T> work) {
    try {
      return write ? Transactions.run(dataSource, work) : Transactions.read(dataSource, work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the user's own views and dashboards", e);
    }
  }
}
