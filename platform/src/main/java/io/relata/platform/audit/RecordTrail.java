package io.relata.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * One record's entries, newest first, as typed values: what a record's timeline shows of its
 * history. Deciding who may see which field is the caller's; this reads what it is asked for.
 */
public final class RecordTrail {

  /**
   * An entry with its id (the order it was written in) and its actor's name, display name first;
   * its changes include the values kept by name ({@link AuditEntry#actorValues}).
   */
  public record Entry(long id, AuditEntry entry, Optional<String> actorName) {}

  /**
   * Which entries of a record to read.
   *
   * @param actions the actions to read
   * @param fieldActions the actions whose entries are read only when they name, among the fields
   *     they changed, one of {@code fields}: a change of nothing the reader may see is no entry for
   *     them
   * @param fields the fields the reader may see
   * @param before entries written before the one with this id (a page's cursor)
   * @param limit at most this many entries
   */
  public record Slice(
      String object,
      UUID record,
      Set<String> actions,
      Set<String> fieldActions,
      Set<String> fields,
      OptionalLong before,
      int limit) {}

  private RecordTrail() {}

  /** The entries of {@code slice}, newest first. */
  public static List<Entry> read(Connection connection, Slice slice) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + AuditRows.ENTRY_COLUMNS
                + ", coalesce(u.display_name, u.username) FROM relata.audit_entry e"
                + " LEFT JOIN relata.app_user u ON u.id = e.actor_id"
                + " WHERE e.object = ? AND e.record_id = ? AND e.action = ANY (?)"
                + " AND (e.action <> ALL (?) OR e.detail->'fields' ??| ?)"
                + " AND e.id < ? ORDER BY e.id DESC LIMIT ?")) {
      select.setString(1, slice.object());
      select.setObject(2, slice.record());
      select.setArray(3, connection.createArrayOf("text", slice.actions().toArray()));
      select.setArray(4, connection.createArrayOf("text", slice.fieldActions().toArray()));
      select.setArray(5, connection.createArrayOf("text", slice.fields().toArray()));
      select.setLong(6, slice.before().orElse(Long.MAX_VALUE));
      select.setInt(7, slice.limit());
      List<AuditChain.StoredEntry> stored = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.add(AuditRows.entry(rows, 1));
          names.add(rows.getString(8));
        }
      }
      Map<Long, List<AuditChain.StoredValue>> values =
          AuditRows.values(
              connection, stored.stream().map(AuditChain.StoredEntry::id).toArray(Long[]::new));
      for (int i = 0; i < stored.size(); i++) {
        AuditChain.StoredEntry entry = stored.get(i);
        entries.add(
            new Entry(
                entry.id(),
                entry(entry, values.getOrDefault(entry.id(), List.of())),
                Optional.ofNullable(names.get(i))));
      }
    }
    return entries;
  }

  private static AuditEntry entry(
      AuditChain.StoredEntry stored, List<AuditChain.StoredValue> values) {
    JsonNode detail = JsonCodec.parse(stored.detail());
    List<AuditEntry.FieldChange> changes = new ArrayList<>();
    for (AuditChain.StoredValue value : AuditRows.withActorValues(values, detail, stored.actor())) {
      changes.add(
          new AuditEntry.FieldChange(
              value.field(), AuditRows.json(value.before()), AuditRows.json(value.after())));
    }
    return new AuditEntry(
        stored.at(),
        Optional.ofNullable(stored.actor()),
        stored.action(),
        Optional.ofNullable(stored.object()),
        Optional.ofNullable(stored.recordId()),
        detail,
        changes);
  }
}
