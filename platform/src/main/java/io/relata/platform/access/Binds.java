package io.relata.platform.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The binds of access SQL set on a statement: lists of names as text arrays, the rest as is. */
final class Binds {

  private Binds() {}

  static void set(Connection connection, PreparedStatement statement, List<Object> binds)
      throws SQLException {
    for (int i = 0; i < binds.size(); i++) {
      Object bind = binds.get(i);
      if (bind instanceof List<?> list) {
        statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
      } else {
        statement.setObject(i + 1, bind);
      }
    }
  }
}
