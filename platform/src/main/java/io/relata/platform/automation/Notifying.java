package io.relata.platform.automation;

import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.notification.Notifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notify action: who is told (the record's owner, the owner's manager, a user, a group's active
 * members; nobody when none is there), and what, with the record's fields in braces. Sent in the
 * write's transaction.
 */
final class Notifying {

  private static final Pattern FIELD = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

  private Notifying() {}

  static void send(ActionTarget target, Automation automation, Action.Notify notify)
      throws SQLException {
    Map<String, Object> record = target.record();
    Connection connection = target.writes().connection();
    Set<UUID> users = recipients(connection, notify, record);
    if (users.isEmpty()) {
      return;
    }
    Notifications.send(
        connection,
        users,
        target.context().now(),
        automation.label(),
        merged(notify.message(), record),
        target.object().name(),
        target.id());
  }

  /** {@code message} with each {@code {field}} replaced by the record's value, as text. */
  static String merged(String message, Map<String, Object> record) {
    Matcher fields = FIELD.matcher(message);
    StringBuilder text = new StringBuilder();
    while (fields.find()) {
      Object value = record.get(fields.group(1));
      String shown = value == null ? "" : JsonCodec.value(value).asText();
      fields.appendReplacement(text, Matcher.quoteReplacement(shown));
    }
    fields.appendTail(text);
    return text.toString();
  }

  private static Set<UUID> recipients(
      Connection connection, Action.Notify notify, Map<String, Object> record) throws SQLException {
    Object owner = record.get("owner_id");
    return switch (notify.to()) {
      case "owner" -> owner instanceof UUID id ? active(connection, "id = ?", id) : Set.of();
      case "manager" ->
          owner instanceof UUID id
              ? active(connection, "id = (SELECT manager_id FROM relata.app_user WHERE id = ?)", id)
              : Set.of();
      case "user" -> active(connection, "username = ?", notify.name().orElseThrow());
      default ->
          active(
              connection,
              "id IN (SELECT m.user_id FROM relata.group_member m JOIN relata.user_group g"
                  + " ON g.id = m.group_id WHERE g.name = ?)",
              notify.name().orElseThrow());
    };
  }

  private static Set<UUID> active(Connection connection, String condition, Object value)
      throws SQLException {
    Set<UUID> users = new LinkedHashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM relata.app_user WHERE active AND " + condition)) {
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
