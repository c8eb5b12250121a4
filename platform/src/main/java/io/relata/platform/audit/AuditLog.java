package io.relata.platform.audit;

import io.relata.platform.database.CopyText;
import io.relata.platform.json.JsonCodec;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

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
      insert.setString(6, JsonCodec.text(entry.detail()));
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
          values.setString(3, JsonCodec.text(change.before()));
          values.setString(4, JsonCodec.text(change.after()));
          values.setBytes(5, salt);
          values.addBatch();
        }
        values.executeBatch();
      }
    }
    return id;
  }

  /**
   * Appends {@code entries}, in order, with three {@code COPY}s (entries, queue, values) instead of
   * a round trip each: for writes of many records at once, such as an import's batch, where one
   * entry per record would otherwise cost more than writing the records.
   */
  public static void appendAll(Connection connection, List<AuditEntry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    long[] ids = new long[entries.size()];
    try (PreparedStatement next =
        connection.prepareStatement(
            "SELECT nextval(pg_get_serial_sequence('relata.audit_entry', 'id'))"
                + " FROM generate_series(1, ?)")) {
      next.setInt(1, entries.size());
      try (ResultSet numbers = next.executeQuery()) {
        for (int i = 0; i < ids.length; i++) {
          numbers.next();
          ids[i] = numbers.getLong(1);
        }
      }
    }
    StringBuilder rows = new StringBuilder(entries.size() * 200);
    StringBuilder queue = new StringBuilder(entries.size() * 12);
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      AuditEntry entry = entries.get(i);
      row(
          rows,
          ids[i],
          entry.at(),
          entry.actor().orElse(null),
          entry.action(),
          entry.object().orElse(null),
          entry.recordId().orElse(null),
          JsonCodec.text(entry.detail()));
      queue.append(ids[i]).append('\n');
      for (AuditEntry.FieldChange change : entry.changes()) {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        row(
            values,
            ids[i],
            change.field(),
            JsonCodec.text(change.before()),
            JsonCodec.text(change.after()),
            salt);
      }
    }
    // entries get their ids here, not from the identity: COPY writes the ids it is given
    copy(
        connection,
        "relata.audit_entry (id, at, actor_id, action, object, record_id, detail)",
        rows);
    copy(connection, "relata.audit_pending (entry_id)", queue);
    if (values.length() > 0) {
      copy(connection, "relata.audit_value (entry_id, field, before, after, salt)", values);
    }
  }

  private static void row(StringBuilder out, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      CopyText.append(out, fields[i]);
    }
    out.append('\n');
  }

  private static void copy(Connection connection, String table, StringBuilder data)
      throws SQLException {
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN", new StringReader(data.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY could not be fed", e);
    }
  }
}
