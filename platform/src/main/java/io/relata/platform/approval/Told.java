package io.relata.platform.approval;

import io.relata.platform.message.Messages;
import io.relata.platform.notification.Notifications;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What approvals tell people in the app, each in their own language: the message {@code code} with
 * its values, under the process's label, about the record.
 */
final class Told {

  private Told() {}

  static void send(
      Connection connection,
      Collection<UUID> users,
      OffsetDateTime at,
      String title,
      String object,
      UUID record,
      String code,
      Object... args)
      throws SQLException {
    if (users.isEmpty()) {
      return;
    }
    for (Map.Entry<Locale, Set<UUID>> language : byLanguage(connection, users).entrySet()) {
      Notifications.send(
          connection,
          language.getValue(),
          at,
          title,
          Messages.text(code, language.getKey(), args),
          object,
          record);
    }
  }

  private static Map<Locale, Set<UUID>> byLanguage(Connection connection, Collection<UUID> users)
      throws SQLException {
    Map<Locale, Set<UUID>> languages = new LinkedHashMap<>();
    Array ids = connection.createArrayOf("uuid", users.toArray());
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, locale FROM relata.app_user WHERE id = ANY (?) ORDER BY username")) {
      select.setArray(1, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          languages
              .computeIfAbsent(Locale.forLanguageTag(rows.getString(2)), l -> new LinkedHashSet<>())
              .add(rows.getObject(1, UUID.class));
        }
      }
    }
    return languages;
  }
}
