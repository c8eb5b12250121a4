package io.relata.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads entries and values back as the chain hashes them. */
final class AuditRows {

  /** The columns of an entry, in the order {@link #entry} reads them, for table alias {@code e}. */
  static final String ENTRY_COLUMNS =
      "e.id, e.at, e.actor_id, e.action, e.object, e.record_id, e.detail::text";

  private AuditRows() {}

  /** The entry whose columns start at {@code first}, or null when its id is null. */
  static AuditChain.StoredEntry entry(ResultSet row, int first) throws SQLException {
    long id = row.getLong(first);
    if (row.wasNull()) {
      return null;
    }
    return new AuditChain.StoredEntry(
        id,
        row.getObject(first + 1, OffsetDateTime.class),
        row.getObject(first + 2, UUID.class),
        row.getString(first + 3),
        row.getString(first + 4),
        row.getObject(first + 5, UUID.class),
        row.getString(first + 6));
  }

  /** The values of the entries with these ids. */
  static Map<Long, List<AuditChain.StoredValue>> values(Connection connection, Long[] ids)
      throws SQLException {
    Map<Long, List<AuditChain.StoredValue>> values = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT entry_id, field, before::text, after::text, salt FROM relata.audit_value"
                + " WHERE entry_id = ANY (?)")) {
      select.setArray(1, connection.createArrayOf("bigint", ids));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values
              .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
              .add(
                  new AuditChain.StoredValue(
                      rows.getString(2), rows.getString(3), rows.getString(4), rows.getBytes(5)));
        }
      }
    }
    return values;
  }

  /**
   * {@code stored} and the values the entry keeps by name only ({@link AuditEntry#actorValues}).
   */
  static List<AuditChain.StoredValue> withActorValues(
      List<AuditChain.StoredValue> stored, JsonNode detail, UUID actor) {
    JsonNode names = detail.path(AuditEntry.ACTOR_VALUES);
    if (!names.isArray() || actor == null) {
      return stored;
    }
    List<AuditChain.StoredValue> all = new ArrayList<>(stored);
    String after = JsonCodec.text(JsonCodec.value(actor));
    names.forEach(name -> all.add(new AuditChain.StoredValue(name.asText(), "null", after, null)));
    return all;
  }

  /** A value's side as stored (JSON text; null once erased) as JSON. */
  static JsonNode json(String text) {
    return text == null ? NullNode.getInstance() : JsonCodec.parse(text);
  }
}
