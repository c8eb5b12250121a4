package io.relata.platform.notification;

import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The users' notifications ({@code relata.notification}): sent in the transaction of the write that
 * causes them, read by each user alone (their own, newest first, with how many are unread), marked
 * read one by one or all at once.
 */
@ApplicationScoped
public class Notifications {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  /** For CDI. */
  public Notifications() {}

  /** Notifications on {@code dataSource}, for tests. */
  public Notifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Sends one notification to each of {@code users}, on the caller's connection. */
  public static void send(
      Connection connection,
      Collection<UUID> users,
      OffsetDateTime at,
      String title,
      String body,
      String object,
      UUID record)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.notification (id, user_id, at, title, body, object, record_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (UUID user : users) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, user);
        insert.setObject(3, at);
        insert.setString(4, title);
        insert.setString(5, body);
        insert.setString(6, object);
        insert.setObject(7, record);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The user's notifications, newest first, after {@code after} (the last of a page) if given. */
  public List<Notification> of(UUID user, Optional<UUID> after, int limit) throws SQLException {
    return Transactions.read(
        dataSource,
        connection -> {
          String sql =
              "SELECT id, user_id, at, title, body, object, record_id, read_at"
                  + " FROM relata.notification WHERE user_id = ?"
                  + (after.isPresent()
                      ? " AND (at, id) < (SELECT at, id FROM relata.notification WHERE id = ?)"
                      : "")
                  + " ORDER BY at DESC, id DESC LIMIT ?";
          List<Notification> found = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setObject(i++, user);
            if (after.isPresent()) {
              select.setObject(i++, after.get());
            }
            select.setInt(i, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(
                    new Notification(
                        rows.getObject(1, UUID.class),
                        rows.getObject(2, UUID.class),
                        rows.getObject(3, OffsetDateTime.class),
                        rows.getString(4),
                        rows.getString(5),
                        Optional.ofNullable(rows.getString(6)),
                        Optional.ofNullable(rows.getObject(7, UUID.class)),
                        Optional.ofNullable(rows.getObject(8, OffsetDateTime.class))));
              }
            }
          }
          return found;
        });
  }

  private boolean mine(UUID user, UUID id) throws SQLException {
    return Transactions.read(
        dataSource,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT 1 FROM relata.notification WHERE id = ? AND user_id = ?")) {
            select.setObject(1, id);
            select.setObject(2, user);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  /** How many of the user's notifications they have not read. */
  public long unread(UUID user) throws SQLException {
    return Transactions.read(
        dataSource,
        connection -> {
          try (PreparedStatement count =
              connection.prepareStatement(
                  "SELECT count(*) FROM relata.notification WHERE user_id = ? AND read_at IS NULL")) {
            count.setObject(1, user);
            try (ResultSet rows = count.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /**
   * Marks the user's notification {@code id} read (all of theirs when empty); answers whether one
   * of theirs was there. Another user's notification is as good as none.
   */
  public boolean read(UUID user, Optional<UUID> id, OffsetDateTime at) throws SQLException {
    if (id.isPresent() && !mine(user, id.get())) {
      // a refusal writes nothing, not even an empty transaction
      return false;
    }
    return Transactions.run(
        dataSource,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE relata.notification SET read_at = coalesce(read_at, ?)"
                      + " WHERE user_id = ?"
                      + (id.isPresent() ? " AND id = ?" : ""))) {
            update.setObject(1, at);
            update.setObject(2, user);
            if (id.isPresent()) {
              update.setObject(3, id.get());
            }
            return update.executeUpdate() > 0 || id.isEmpty();
          }
        });
  }
}
