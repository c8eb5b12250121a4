package io.relata.platform.approval;

import io.relata.metadata.automation.ApprovalProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who decides a step: the active users it names, looked up when asked (users, roles and groups are
 * data). A step whose approvers are all gone has none: an administrator recalls the request.
 */
final class Approvers {

  private Approvers() {}

  static Set<UUID> of(Connection connection, ApprovalProcess.Step step, Object owner)
      throws SQLException {
    return switch (step.approver()) {
      case "user" -> active(connection, "username = ?", step.name().orElseThrow());
      case "role" -> active(connection, "role = ?", step.name().orElseThrow());
      case "group" ->
          active(
              connection,
              "id IN (SELECT m.user_id FROM relata.group_member m JOIN relata.user_group g"
                  + " ON g.id = m.group_id WHERE g.name = ?)",
              step.name().orElseThrow());
      default ->
          owner instanceof UUID id
              ? active(connection, "id = (SELECT manager_id FROM relata.app_user WHERE id = ?)", id)
              : Set.of();
    };
  }

  private static Set<UUID> active(Connection connection, String condition, Object value)
      throws SQLException {
    Set<UUID> users = new LinkedHashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM relata.app_user WHERE active AND "
                + condition
                + " ORDER BY username")) {
      select.setObject(1, value);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          users.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return users;
  }
}
