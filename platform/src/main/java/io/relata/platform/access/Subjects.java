package io.relata.platform.access;

import io.relata.platform.identity.Actor;
import io.relata.platform.identity.Holdings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a {@link Subject} in one query, or takes it from what the request already read. */
public final class Subjects {

  private static final String SQL =
      "SELECT " + Holdings.columns(false) + " FROM relata.app_user u WHERE u.id = ?";

  private Subjects() {}

  /** The user's holdings; a user who does not exist holds nothing. */
  public static Subject load(Connection connection, UUID user) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setObject(1, user);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return new Subject(user, Optional.empty(), Set.of(), Set.of());
        }
        return of(user, Holdings.read(row, 1, false));
      }
    }
  }

  /** The actor's holdings: read with their API token when there was one, else read now. */
  public static Subject of(Connection connection, Actor actor) throws SQLException {
    return actor.holdings().isPresent()
        ? of(actor.id(), actor.holdings().get())
        : load(connection, actor.id());
  }

  private static Subject of(UUID user, Holdings holdings) {
    return new Subject(
        user,
        Optional.ofNullable(holdings.role()),
        holdings.groups(),
        holdings.permissionSets(),
        holdings.zone());
  }
}
