package io.relata.platform.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The delivery log (table {@code webhook_delivery}): each attempt at a call, with the answer's
 * status and its first characters, or why no answer came. Kept as long as its job.
 */
public final class Deliveries {

  /** How much of an answer's body the log keeps. */
  static final int RESPONSE_CHARS = 1000;

  private Deliveries() {}

  /** One attempt at a call. */
  public record Delivery(
      UUID id,
      UUID job,
      String webhook,
      int attempt,
      OffsetDateTime at,
      String url,
      String event,
      OptionalInt status,
      Optional<String> error,
      Optional<String> response,
      long millis) {

    ObjectNode toJson() {
      ObjectNode json =
          JsonCodec.object()
              .put("id", id.toString())
              .put("job", job.toString())
              .put("webhook", webhook)
              .put("attempt", attempt)
              .put("at", at.toInstant().toString())
              .put("url", url)
              .put("event", event)
              .put("millis", millis);
      if (status.isPresent()) {
        json.put("status", status.getAsInt());
      } else {
        json.putNull("status");
      }
      json.put("error", error.orElse(null));
      json.put("response", response.orElse(null));
      return json;
    }
  }

  static void add(Connection connection, Delivery delivery) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.webhook_delivery (id, job_id, webhook, attempt, at, url, event,"
                + " status, error, response, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, delivery.id());
      insert.setObject(2, delivery.job());
      insert.setString(3, delivery.webhook());
      insert.setInt(4, delivery.attempt());
      insert.setObject(5, delivery.at());
      insert.setString(6, delivery.url());
      insert.setString(7, delivery.event());
      insert.setObject(8, delivery.status().isPresent() ? delivery.status().getAsInt() : null);
      insert.setString(9, delivery.error().orElse(null));
      insert.setString(10, delivery.response().orElse(null));
      insert.setLong(11, delivery.millis());
      insert.executeUpdate();
    }
  }

  /**
   * A page of {@code webhook}'s attempts, newest first, after the attempt {@code after} (the last
   * of the page before); {@code limit} of them.
   */
  public static List<ObjectNode> list(
      Connection connection, String webhook, Optional<UUID> after, int limit) throws SQLException {
    String page =
        after.isPresent()
            ? " AND (at, id) < (SELECT at, id FROM relata.webhook_delivery WHERE id = ?)"
            : "";
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, job_id, webhook, attempt, at, url, event, status, error, response, millis"
                + " FROM relata.webhook_delivery WHERE webhook = ?"
                + page
                + " ORDER BY at DESC, id DESC LIMIT ?")) {
      int i = 1;
      select.setString(i++, webhook);
      if (after.isPresent()) {
        select.setObject(i++, after.get());
      }
      select.setInt(i, limit);
      List<ObjectNode> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Integer status = rows.getObject("status", Integer.class);
          found.add(
              new Delivery(
                      rows.getObject("id", UUID.class),
                      rows.getObject("job_id", UUID.class),
                      rows.getString("webhook"),
                      rows.getInt("attempt"),
                      rows.getObject("at", OffsetDateTime.class),
                      rows.getString("url"),
                      rows.getString("event"),
                      status == null ? OptionalInt.empty() : OptionalInt.of(status),
                      Optional.ofNullable(rows.getString("error")),
                      Optional.ofNullable(rows.getString("response")),
                      rows.getLong("millis"))
                  .toJson());
        }
      }
      return found;
    }
  }

  /** Whether the attempt {@code id} is in the log: a cursor that names one that is not is stale. */
  public static boolean has(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM relata.webhook_delivery WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
