package io.relata.platform.automation;

import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.MergeFields;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.notification.Notifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A notify action: who is told ({@link People}), and what, with the record's fields in braces
 * ({@link MergeFields}). Sent in the write's transaction.
 */
final class Notifying {

  private Notifying() {}

  static void send(ActionTarget target, Automation automation, Action.Notify notify)
      throws SQLException {
    Map<String, Object> record = target.record();
    Connection connection = target.writes().connection();
    Set<UUID> users = new LinkedHashSet<>();
    for (People.Person person : People.of(connection, notify.to(), notify.name(), record)) {
      users.add(person.id());
    }
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

  /** {@code text} with each {@code {field}} replaced by the record's value, as text. */
  static String merged(String text, Map<String, Object> record) {
    return MergeFields.merge(
        text,
        field -> {
          Object value = record.get(field);
          return value == null ? "" : JsonCodec.value(value).asText();
        });
  }
}
