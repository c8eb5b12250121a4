package io.relata.platform.webhook;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * Each webhook's signing secret, kept by the platform (table {@code webhook_secret}), never in the
 * metadata: 32 random bytes, shown as {@code whsec_<base64>}. The first call queued to a webhook
 * makes one; an admin reads it, or makes a new one, over the API; it goes when the webhook does
 * ({@link ForgottenSecrets}).
 */
public final class WebhookSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  /** The secret of {@code webhook}, made now if it has none. */
  public static String of(Connection connection, String webhook, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.webhook_secret (webhook, secret, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (webhook) DO NOTHING")) {
      insert.setString(1, webhook);
      insert.setString(2, fresh());
      insert.setObject(3, now);
      insert.executeUpdate();
    }
    return find(connection, webhook).orElseThrow();
  }

  /** The secret of {@code webhook}, if it has one. */
  public static Optional<String> find(Connection connection, String webhook) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT secret FROM relata.webhook_secret WHERE webhook = ?")) {
      select.setString(1, webhook);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /** A new secret for {@code webhook} in place of its old one; calls from now on are signed so. */
  public static String rotate(Connection connection, String webhook, OffsetDateTime now)
      throws SQLException {
    String secret = fresh();
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO relata.webhook_secret (webhook, secret, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (webhook) DO UPDATE SET secret = EXCLUDED.secret,"
                + " created_at = EXCLUDED.created_at")) {
      upsert.setString(1, webhook);
      upsert.setString(2, secret);
      upsert.setObject(3, now);
      upsert.executeUpdate();
    }
    return secret;
  }

  /** The secrets of {@code webhooks} are gone: the webhooks are. */
  static void forget(Connection connection, java.util.Collection<String> webhooks)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM relata.webhook_secret WHERE webhook = ANY(?)")) {
      delete.setArray(1, connection.createArrayOf("text", webhooks.toArray()));
      delete.executeUpdate();
    }
  }

  private static String fresh() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Signature.PREFIX + Base64.getEncoder().encodeToString(key);
  }
}
