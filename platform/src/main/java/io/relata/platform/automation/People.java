package io.relata.platform.automation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who an action tells, as automations name them: the record's {@code owner}, the owner's {@code
 * manager}, a {@code user} by username, or a {@code group}'s members. Only active users; nobody
 * when the record has no owner or the owner no manager.
 */
final class People {

  /** A user an action tells: where to write to, and in which language. */
  record Person(UUID id, String name, Optional<String> email, String language) {}

  private People() {}

  static List<Person> of(
      Connection connection, String to, Optional<String> name, Map<String, Object> record)
      throws SQLException {
    Object owner = record.get("owner_id");
    return switch (to) {
      case "owner" -> owner instanceof UUID id ? active(connection, "id = ?", id) : List.of();
      case "manager" ->
          owner instanceof UUID id
              ? active(connection, "id = (SELECT manager_id FROM relata.app_user WHERE id = ?)", id)
              : List.of();
      case "user" -> active(connection, "username = lower(?)", name.orElseThrow());
      default ->
          active(
              connection,
              "id IN (SELECT m.user_id FROM relata.group_member m JOIN relata.user_group g"
                  + " ON g.id = m.group_id WHERE g.name = ?)",
              name.orElseThrow());
    };
  }

  private static List<Person> active(Connection connection, String condition, Object value)
      throws SQLException {
    List<Person> people = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, coalesce(display_name, username), email, locale FROM relata.app_user"
                + " WHERE active AND "
                + condition
                + " ORDER BY username")) {
      select.setObject(1, value);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          people.add(
              new Person(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  Optional.ofNullable(rows.getString(3)).filter(e -> !e.isBlank()),
                  rows.getString(4)));
        }
      }
    }
    return people;
  }
}
