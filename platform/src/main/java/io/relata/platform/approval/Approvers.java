package io.relata.platform.approval;

import io.relata.metadata.automation.ApprovalProcess;
import io.relata.metadata.automation.Automations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who decides a step: the active users it names, looked up when asked (users, roles and groups are
 * data), less whoever asked unless the process allows self-approval. A step whose approvers are all
 * gone has none: an administrator recalls the request.
 */
final class Approvers {

  private Approvers() {}

  /**
   * The approvers of step {@code step} (from 1) of {@code process} for a request {@code asker} made
   * on a record owned by {@code owner}.
   */
  static Set<UUID> of(
      Connection connection, ApprovalProcess process, int step, Object owner, UUID asker)
      throws SQLException {
    Set<UUID> approvers = named(connection, process.steps().get(step - 1), owner);
    if (!process.selfApproval()) {
      approvers.remove(asker);
    }
    return approvers;
  }

  private static Set<UUID> named(Connection connection, ApprovalProcess.Step step, Object owner)
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
              : new LinkedHashSet<>();
    };
  }

  /**
   * The steps ({@code process/step}, from 1) of the processes that {@code actor} could decide by
   * who they are: steps of their user, role or groups, and every step of an owner's manager
   * (whether they manage the owner is asked of each request).
   */
  static Set<String> stepsOf(
      Connection connection, io.relata.platform.identity.Actor actor, Automations automations)
      throws SQLException {
    String role = null;
    Set<String> groups = new java.util.HashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT u.role, g.name FROM relata.app_user u"
                + " LEFT JOIN relata.group_member m ON m.user_id = u.id"
                + " LEFT JOIN relata.user_group g ON g.id = m.group_id"
                + " WHERE u.id = ? AND u.active")) {
      select.setObject(1, actor.id());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          role = rows.getString(1);
          if (rows.getString(2) != null) {
            groups.add(rows.getString(2));
          }
        }
      }
    }
    Set<String> steps = new LinkedHashSet<>();
    for (ApprovalProcess process : automations.approvals()) {
      for (int i = 0; i < process.steps().size(); i++) {
        ApprovalProcess.Step step = process.steps().get(i);
        String name = step.name().orElse("");
        boolean maybe =
            switch (step.approver()) {
              case "user" -> name.equals(actor.username());
              case "role" -> name.equals(role);
              case "group" -> groups.contains(name);
              default -> true;
            };
        if (maybe) {
          steps.add(process.name() + "/" + (i + 1));
        }
      }
    }
    return steps;
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
