package io.relata.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads entries for people and for a SIEM: a page newest first ({@link #page}), or every sealed
 * entry after a position in chain order ({@link #sealedAfter}). Values of fields the reader may not
 * see are left out with {@code "hidden": true}, as everywhere else.
 */
public final class AuditReader {

  /** Whether the reader may see a field's values. */
  public interface FieldVisibility {
    boolean visible(String object, String field);
  }

  /** One entry as JSON, written out as it is read. */
  public interface Sink {
    void entry(ObjectNode entry) throws IOException;
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final HexFormat HEX = HexFormat.of();
  private static final int FETCH = 1_000;

  private static final String SELECT =
      "SELECT "
          + AuditRows.ENTRY_COLUMNS
          + ", u.username, s.position, s.hash FROM relata.audit_entry e"
          + " LEFT JOIN relata.app_user u ON u.id = e.actor_id"
          + " LEFT JOIN relata.audit_seal s ON s.entry_id = e.id";

  private final FieldVisibility visibility;
  private final Function<String, String> summaries;

  public AuditReader(FieldVisibility visibility, Function<String, String> summaries) {
    this.visibility = visibility;
    this.summaries = summaries;
  }

  /** A page of the entries that match, newest first, in the API's list shape. */
  public ObjectNode page(Connection connection, AuditQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
    List<Object> binds = new ArrayList<>();
    query.user().ifPresent(v -> where(sql, binds, " AND e.actor_id = ?", v));
    query.object().ifPresent(v -> where(sql, binds, " AND e.object = ?", v));
    query.record().ifPresent(v -> where(sql, binds, " AND e.record_id = ?", v));
    query.action().ifPresent(v -> where(sql, binds, " AND e.action = ?", v));
    query.from().ifPresent(v -> where(sql, binds, " AND e.at >= ?", v));
    query.to().ifPresent(v -> where(sql, binds, " AND e.at < ?", v));
    query.before().ifPresent(v -> where(sql, binds, " AND e.id < ?", v));
    sql.append(" ORDER BY e.id DESC LIMIT ").append(query.limit() + 1);
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < binds.size(); i++) {
        select.setObject(i + 1, binds.get(i));
      }
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(row(result));
        }
      }
    }
    boolean more = rows.size() > query.limit();
    List<Row> items = more ? rows.subList(0, query.limit()) : rows;
    ObjectNode page = NODES.objectNode();
    ArrayNode array = page.putArray("items");
    for (ObjectNode entry : json(connection, items, false)) {
      array.add(entry);
    }
    if (more) {
      page.put("nextCursor", AuditQuery.cursor(items.get(items.size() - 1).entry().id()));
    } else {
      page.putNull("nextCursor");
    }
    return page;
  }

  /** Every sealed entry after {@code position}, in chain order, each with its position and hash. */
  public void sealedAfter(Connection connection, long position, Sink sink) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            SELECT + " WHERE s.position > ? ORDER BY s.position",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      select.setLong(1, position);
      select.setFetchSize(FETCH);
      try (ResultSet result = select.executeQuery()) {
        List<Row> batch = new ArrayList<>(FETCH);
        boolean more = true;
        while (more) {
          batch.clear();
          while (batch.size() < FETCH && (more = result.next())) {
            batch.add(row(result));
          }
          for (ObjectNode entry : json(connection, batch, true)) {
            sink.entry(entry);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Row(AuditChain.StoredEntry entry, String username, Long position, byte[] hash) {}

  private static Row row(ResultSet result) throws SQLException {
    AuditChain.StoredEntry entry = AuditRows.entry(result, 1);
    String username = result.getString(8);
    long position = result.getLong(9);
    Long sealed = result.wasNull() ? null : position;
    return new Row(entry, username, sealed, result.getBytes(10));
  }

  private List<ObjectNode> json(Connection connection, List<Row> rows, boolean withHash)
      throws SQLException {
    Long[] ids = rows.stream().map(r -> r.entry().id()).toArray(Long[]::new);
    Map<Long, List<AuditChain.StoredValue>> values = AuditRows.values(connection, ids);
    List<ObjectNode> entries = new ArrayList<>(rows.size());
    for (Row row : rows) {
      entries.add(json(row, values.getOrDefault(row.entry().id(), List.of()), withHash));
    }
    return entries;
  }

  private ObjectNode json(Row row, List<AuditChain.StoredValue> values, boolean withHash) {
    AuditChain.StoredEntry entry = row.entry();
    ObjectNode json = NODES.objectNode();
    json.put("id", entry.id());
    if (row.position() == null) {
      json.putNull("position");
    } else {
      json.put("position", row.position());
    }
    if (withHash) {
      json.put("hash", HEX.formatHex(row.hash()));
    }
    json.put("at", DateTimeFormatter.ISO_INSTANT.format(entry.at()));
    if (entry.actor() == null) {
      json.putNull("actor");
    } else {
      json.putObject("actor").put("id", entry.actor().toString()).put("username", row.username());
    }
    json.put("action", entry.action());
    json.put("summary", summaries.apply(entry.action()));
    json.put("object", entry.object());
    json.put("record", text(entry.recordId()));
    JsonNode detail = AuditRows.json(entry.detail());
    List<AuditChain.StoredValue> all = AuditRows.withActorValues(values, detail, entry.actor());
    if (detail.isObject()) {
      // shown as values, under the reader's field visibility, and not by name
      ((ObjectNode) detail).remove(AuditEntry.ACTOR_VALUES);
    }
    json.set("detail", detail);
    ArrayNode array = json.putArray("values");
    all.stream()
        .sorted(java.util.Comparator.comparing(AuditChain.StoredValue::field))
        .forEach(
            value -> {
              ObjectNode item = array.addObject().put("field", value.field());
              if (entry.object() != null && !visibility.visible(entry.object(), value.field())) {
                item.put("hidden", true);
              } else {
                item.set("before", AuditRows.json(value.before()));
                item.set("after", AuditRows.json(value.after()));
              }
            });
    return json;
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  private static void where(StringBuilder sql, List<Object> binds, String condition, Object bind) {
    sql.append(condition);
    binds.add(bind);
  }
}
