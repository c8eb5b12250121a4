package io.relata.platform.audit;

import io.relata.platform.record.RecordJson;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes audit entries in the caller's transaction, so that an entry exists exactly when the change
 * it describes commits. The entry waits in {@code audit_pending} until {@link AuditSealer} puts it
 * in the chain.
 */
public final class AuditLog {

  private static final SecureRandom SALTS = new SecureRandom();

  private AuditLog() {}

  /** Appends {@code entry}; its id. */
  public static long append(Connection connection, AuditEntry entry) throws SQLException {
    long id;
    try (PreparedStatement insert =
        connection.prepareStatement(
            // the entry and its place in the sealer's queue, in one round trip
            "WITH entry AS (INSERT INTO relata.audit_entry"
                + " (at, actor_id, action, object, record_id, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING id),"
                + " queued AS (INSERT INTO relata.audit_pending (entry_id) SELECT id FROM entry)"
                + " SELECT id FROM entry")) {
      insert.setObject(1, entry.at());
      insert.setObject(2, entry.actor().orElse(null));
      insert.setString(3, entry.action());
      insert.setString(4, entry.object().orElse(null));
      insert.setObject(5, entry.recordId().orElse(null));
      insert.setString(6, RecordJson.text(entry.detail()));
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        id = key.getLong(1);
      }
    }
    if (!entry.changes().isEmpty()) {
      try (PreparedStatement values =
          connection.prepareStatement(
              "INSERT INTO relata.audit_value (entry_id, field, before, after, salt)"
                  + " VALUES (?, ?, ?::jsonb, ?::jsonb, ?)")) {
        for (AuditEntry.FieldChange change : entry.changes()) {
          byte[] salt = new byte[16];
          SALTS.nextBytes(salt);
          values.setLong(1, id);
          values.setString(2, change.field());
          values.setString(3, RecordJson.text(change.before()));
          values.setString(4, RecordJson.text(change.after()));
          values.setBytes(5, salt);
          values.addBatch();
        }
        values.executeBatch();
      }
    }
    return id;
  }
}
