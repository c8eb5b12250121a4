package io.relata.platform.audit;

import io.relata.platform.database.CopyPipeline;
import io.relata.platform.database.CopyText;
import io.relata.platform.json.JsonCodec;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes audit entries in the caller's transaction, so that an entry exists exactly when the change
 * it describes commits. The entry waits in {@code audit_pending} until {@link AuditSealer} puts it
 * in the chain: one queue row per write, holding the ids of all the entries it appended.
 */
public final class AuditLog {

  private static final SecureRandom SALTS = new SecureRandom();

  private AuditLog() {}

  /**
   * The entry, its place in the sealer's queue and its values, in one statement: this runs in the
   * transaction of every single write, where each round trip counts.
   */
  private static final String APPEND =
      "WITH entry AS (INSERT INTO relata.audit_entry"
          + " (at, actor_id, action, object, record_id, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING id),"
          + " queued AS (INSERT INTO relata.audit_pending (first_id, entry_ids)"
          + " SELECT id, ARRAY[id] FROM entry),"
          + " valued AS (INSERT INTO relata.audit_value (entry_id, field, before, after, salt)"
          + " SELECT entry.id, v.field, v.before::jsonb, v.after::jsonb, v.salt"
          + " FROM entry, unnest(?::text[], ?::text[], ?::text[], ?::bytea[])"
          + " AS v(field, before, after, salt))"
          + " SELECT id FROM entry";

  /** Appends {@code entry}; its id. */
  public static long append(Connection connection, AuditEntry entry) throws SQLException {
    int count = entry.changes().size();
    String[] fields = new String[count];
    String[] before = new String[count];
    String[] after = new String[count];
    byte[][] salts = new byte[count][];
    for (int i = 0; i < count; i++) {
      AuditEntry.FieldChange change = entry.changes().get(i);
      fields[i] = change.field();
      before[i] = JsonCodec.text(change.before());
      after[i] = JsonCodec.text(change.after());
      salts[i] = new byte[16];
      SALTS.nextBytes(salts[i]);
    }
    try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
      insert.setObject(1, entry.at());
      insert.setObject(2, entry.actor().orElse(null));
      insert.setString(3, entry.action());
      insert.setString(4, entry.object().orElse(null));
      insert.setObject(5, entry.recordId().orElse(null));
      insert.setString(6, JsonCodec.text(entry.detail()));
      insert.setArray(7, connection.createArrayOf("text", fields));
      insert.setArray(8, connection.createArrayOf("text", before));
      insert.setArray(9, connection.createArrayOf("text", after));
      insert.setArray(10, connection.createArrayOf("bytea", salts));
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  /**
   * Appends {@code entries}, in order, with three {@code COPY}s (entries, values, and their one
   * queue row) instead of a round trip each: for writes of many records at once, such as an
   * import's batch, where one entry per record would otherwise cost more than writing the records.
   * The rows are written out before their ids are drawn, and the {@code COPY}s go through {@link
   * CopyPipeline#copyIn}: on a pipelined connection the records' own {@code COPY} is still running
   * while this prepares them.
   */
  public static void appendAll(Connection connection, List<AuditEntry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    // each entry's and each value's fields after the entry's id, which is not drawn yet
    String[] rest = new String[entries.size()];
    List<String> values = new ArrayList<>();
    int[] valueCounts = new int[entries.size()];
    StringBuilder one = new StringBuilder(256);
    for (int i = 0; i < rest.length; i++) {
      AuditEntry entry = entries.get(i);
      one.setLength(0);
      fields(
          one,
          entry.at(),
          entry.actor().orElse(null),
          entry.action(),
          entry.object().orElse(null),
          entry.recordId().orElse(null),
          JsonCodec.text(entry.detail()));
      rest[i] = one.toString();
      for (AuditEntry.FieldChange change : entry.changes()) {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        one.setLength(0);
        fields(
            one,
            change.field(),
            JsonCodec.text(change.before()),
            JsonCodec.text(change.after()),
            salt);
        values.add(one.toString());
      }
      valueCounts[i] = entry.changes().size();
    }
    long[] ids = ids(connection, entries.size());
    StringBuilder rows = new StringBuilder(entries.size() * 200);
    StringBuilder valueRows = new StringBuilder(values.size() * 120);
    // one queue row: the smallest id, then all of them in the order written (an array in COPY text)
    StringBuilder queue = new StringBuilder(entries.size() * 12 + 24);
    queue.append(Arrays.stream(ids).min().orElseThrow()).append("\t{");
    int value = 0;
    for (int i = 0; i < ids.length; i++) {
      rows.append(ids[i]).append(rest[i]).append('\n');
      queue.append(i == 0 ? "" : ",").append(ids[i]);
      for (int v = 0; v < valueCounts[i]; v++) {
        valueRows.append(ids[i]).append(values.get(value++)).append('\n');
      }
    }
    queue.append("}\n");
    // entries get their ids here, not from the identity: COPY writes the ids it is given
    CopyPipeline.copyIn(
        connection,
        "relata.audit_entry (id, at, actor_id, action, object, record_id, detail)",
        rows);
    if (valueRows.length() > 0) {
      CopyPipeline.copyIn(
          connection, "relata.audit_value (entry_id, field, before, after, salt)", valueRows);
    }
    CopyPipeline.copyIn(connection, "relata.audit_pending (first_id, entry_ids)", queue);
  }

  /** {@code count} ids of new entries, from the entries' sequence. */
  private static long[] ids(Connection connection, int count) throws SQLException {
    long[] ids = new long[count];
    try (PreparedStatement next =
        connection.prepareStatement(
            "SELECT nextval(pg_get_serial_sequence('relata.audit_entry', 'id'))"
                + " FROM generate_series(1, ?)")) {
      next.setInt(1, count);
      try (ResultSet numbers = next.executeQuery()) {
        for (int i = 0; i < count; i++) {
          numbers.next();
          ids[i] = numbers.getLong(1);
        }
      }
    }
    return ids;
  }

  /** Appends {@code fields} as COPY fields, each after a tab. */
  private static void fields(StringBuilder out, Object... fields) {
    for (Object field : fields) {
      out.append('\t');
      CopyText.append(out, field);
    }
  }
}
