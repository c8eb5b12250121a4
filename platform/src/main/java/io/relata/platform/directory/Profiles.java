package io.relata.platform.directory;

import com.fasterxml.jackson.databind.node.TextNode;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The person behind an account ({@link Users.Profile}): checked, stored, and told to the audit. A
 * time zone must be one the Java platform knows (IANA names); a manager must be another existing
 * user, and never one who reports, directly or not, to the user.
 */
final class Profiles {

  private Profiles() {}

  /** 400 naming a time zone that is no zone. */
  static void requireKnownZone(Users.Profile profile) {
    profile
        .timeZone()
        .ifPresent(
            zone -> {
              try {
                ZoneId.of(zone);
              } catch (DateTimeException e) {
                throw new InvalidRequestException(
                    List.of(new Violation("/timeZone", "user.time-zone", List.of(zone))));
              }
            });
  }

  /** Stores the present members of {@code profile} on {@code user}, after checking the manager. */
  static void apply(Connection connection, UUID user, Users.Profile profile) throws SQLException {
    Optional<UUID> manager = profile.manager().flatMap(m -> m);
    if (manager.isPresent()) {
      requireManager(connection, user, manager.get());
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.app_user SET"
                + " email = CASE WHEN ? THEN ? ELSE email END,"
                + " display_name = CASE WHEN ? THEN ? ELSE display_name END,"
                + " locale = COALESCE(?, locale),"
                + " time_zone = COALESCE(?, time_zone),"
                + " manager_id = CASE WHEN ? THEN ? ELSE manager_id END"
                + " WHERE id = ?")) {
      update.setBoolean(1, profile.email().isPresent());
      update.setString(2, profile.email().flatMap(e -> e).orElse(null));
      update.setBoolean(3, profile.displayName().isPresent());
      update.setString(4, profile.displayName().flatMap(d -> d).orElse(null));
      update.setString(5, profile.locale().orElse(null));
      update.setString(6, profile.timeZone().map(z -> ZoneId.of(z).getId()).orElse(null));
      update.setBoolean(7, profile.manager().isPresent());
      update.setObject(8, manager.orElse(null));
      update.setObject(9, user);
      update.executeUpdate();
    }
  }

  /**
   * 400 unless {@code manager} is another existing user whose own line of managers does not pass
   * through {@code user}: a cycle would send approvals and escalations round for ever.
   */
  private static void requireManager(Connection connection, UUID user, UUID manager)
      throws SQLException {
    String code = null;
    if (manager.equals(user)) {
      code = "user.manager-cycle";
    } else {
      try (PreparedStatement line =
          connection.prepareStatement(
              "WITH RECURSIVE line(id, depth) AS ("
                  + " SELECT id, 0 FROM relata.app_user WHERE id = ?"
                  + " UNION ALL SELECT u.manager_id, l.depth + 1 FROM relata.app_user u"
                  + " JOIN line l ON u.id = l.id WHERE u.manager_id IS NOT NULL AND l.depth < 1000)"
                  + " SELECT count(*) FILTER (WHERE depth = 0), count(*) FILTER (WHERE id = ?)"
                  + " FROM line")) {
        line.setObject(1, manager);
        line.setObject(2, user);
        try (ResultSet found = line.executeQuery()) {
          found.next();
          if (found.getLong(1) == 0) {
            code = "user.unknown-manager";
          } else if (found.getLong(2) > 0) {
            code = "user.manager-cycle";
          }
        }
      }
    }
    if (code != null) {
      throw new InvalidRequestException(
          List.of(new Violation("/manager", code, List.of(manager.toString()))));
    }
  }

  /**
   * What the audit keeps of a profile that went from {@code before} to {@code after}: the names of
   * the changed members; language, zone and manager as detail; email and display name as values,
   * which an erasure can remove.
   */
  static AuditEntry audit(AuditEntry entry, Account before, Account after, List<String> changed) {
    List<AuditEntry.FieldChange> values = new ArrayList<>(entry.changes());
    if (differs(before == null ? null : before.email(), after.email())) {
      changed.add("email");
      values.add(value("email", before == null ? null : before.email(), after.email()));
    }
    if (differs(before == null ? null : before.displayName(), after.displayName())) {
      changed.add("displayName");
      values.add(
          value("display_name", before == null ? null : before.displayName(), after.displayName()));
    }
    AuditEntry result = entry.changes(values);
    if (before == null || !before.locale().equals(after.locale())) {
      changed.add("locale");
      result = result.with("locale", after.locale());
    }
    if (before == null || !before.timeZone().equals(after.timeZone())) {
      changed.add("timeZone");
      result = result.with("timeZone", after.timeZone());
    }
    if (differs(before == null ? null : before.manager(), after.manager())) {
      changed.add("manager");
      result = result.with("manager", after.manager() == null ? null : after.manager().toString());
    }
    return result;
  }

  private static boolean differs(Object before, Object after) {
    return !Objects.equals(before, after);
  }

  private static AuditEntry.FieldChange value(String field, String before, String after) {
    return new AuditEntry.FieldChange(
        field,
        before == null ? null : TextNode.valueOf(before),
        after == null ? null : TextNode.valueOf(after));
  }
}
