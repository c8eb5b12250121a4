package io.relata.platform.access;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a {@link Subject} in one query. */
public final class Subjects {

  private static final String SQL =
      "SELECT u.role,"
          + " ARRAY(SELECT g.name FROM relata.group_member m"
          + "   JOIN relata.user_group g ON g.id = m.group_id WHERE m.user_id = u.id),"
          + " ARRAY(SELECT a.permission_set FROM relata.permission_set_assignment a"
          + "   WHERE a.user_id = u.id OR a.group_id IN"
          + "   (SELECT m.group_id FROM relata.group_member m WHERE m.user_id = u.id))"
          + " FROM relata.app_user u WHERE u.id = ?";

  private Subjects() {}

  /** The user's holdings; a user who does not exist holds nothing. */
  public static Subject load(Connection connection, UUID user) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setObject(1, user);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return new Subject(user, Optional.empty(), Set.of(), Set.of());
        }
        return new Subject(
            user,
            Optional.ofNullable(row.getString(1)),
            names(row.getArray(2)),
            names(row.getArray(3)));
      }
    }
  }

  private static Set<String> names(Array array) throws SQLException {
    return new HashSet<>(Arrays.asList((String[]) array.getArray()));
  }
}
