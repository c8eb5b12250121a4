package io.relata.platform.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The register of what metadata changes deleted and keep restorable ({@code relata.set_aside},
 * V28): one row per field whose column was set aside, one per object whose table was. The plan
 * steps that set aside and restore ({@link SchemaPlanner}) change the storage; this keeps the rows
 * that say where it is.
 */
public final class SetAsides {

  /** How long what a change deleted can be restored before it is erased. */
  public static final Duration KEPT = Duration.ofDays(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "object, field, revision, stored_as, definition::text, row_count, set_aside_at";

  /**
   * A deleted field or object, restorable until {@link #erasedAfter()}.
   *
   * @param field the field's name when it was deleted; empty for the object itself
   * @param revision the revision whose change deleted it
   * @param storedAs the columns that keep the field's values; empty for an object, whose table
   *     keeps its name
   * @param definition the field's or the object's document as it was before the change
   * @param count the field's values, or the object's records, when it was set aside
   */
  public record SetAside(
      String object,
      Optional<String> field,
      long revision,
      List<String> storedAs,
      JsonNode definition,
      long count,
      OffsetDateTime setAsideAt) {

    public SetAside {
      storedAs = List.copyOf(storedAs);
    }

    /** When the nightly purge may erase it. */
    public OffsetDateTime erasedAfter() {
      return setAsideAt.plus(KEPT);
    }
  }

  private SetAsides() {}

  /** Registers what a change set aside, at the time of its revision. */
  public static void add(Connection connection, SetAside entry) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.set_aside ("
                + COLUMNS.replace("::text", "")
                + ")"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
      insert.setString(1, entry.object());
      insert.setString(2, entry.field().orElse(""));
      insert.setLong(3, entry.revision());
      insert.setArray(4, connection.createArrayOf("text", entry.storedAs().toArray()));
      insert.setString(5, entry.definition().toString());
      insert.setLong(6, entry.count());
      insert.setObject(7, entry.setAsideAt());
      insert.executeUpdate();
    }
  }

  /** Forgets an entry: restored, or erased; {@code field} empty for the object. */
  public static void remove(Connection connection, String object, String field, long revision)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM relata.set_aside WHERE object = ? AND field = ? AND revision = ?")) {
      delete.setString(1, object);
      delete.setString(2, field);
      delete.setLong(3, revision);
      delete.executeUpdate();
    }
  }

  /** Everything that can still be restored, newest first. */
  public static List<SetAside> all(Connection connection) throws SQLException {
    return query(
        connection,
        "SELECT " + COLUMNS + " FROM relata.set_aside ORDER BY set_aside_at DESC, object, field");
  }

  /** What of {@code field} of {@code object} ({@code ""}: the object itself) can be restored. */
  public static List<SetAside> of(Connection connection, String object, String field)
      throws SQLException {
    return query(
        connection,
        "SELECT " + COLUMNS + " FROM relata.set_aside WHERE object = ? AND field = ?",
        object,
        field);
  }

  /** What was set aside before {@code at}, oldest first: what the purge erases. */
  public static List<SetAside> before(Connection connection, OffsetDateTime at)
      throws SQLException {
    return query(
        connection,
        "SELECT "
            + COLUMNS
            + " FROM relata.set_aside WHERE set_aside_at < ? ORDER BY set_aside_at, object, field",
        at);
  }

  /**
   * One entry, locked until the transaction ends, so that a purge and a restore do not both take
   * it; {@code field} empty for the object.
   */
  public static Optional<SetAside> lock(
      Connection connection, String object, String field, long revision) throws SQLException {
    return query(
            connection,
            "SELECT "
                + COLUMNS
                + " FROM relata.set_aside WHERE object = ? AND field = ? AND revision = ?"
                + " FOR UPDATE",
            object,
            field,
            revision)
        .stream()
        .findFirst();
  }

  /**
   * The revision of the first deletion of {@code field} of {@code object} ({@code ""}: of the
   * object) after revision {@code after}, while it can be restored: what a revert to {@code after}
   * restores, as it is the deletion of the field revision {@code after} had (a field of the name
   * added and deleted later is another).
   */
  public static Optional<Long> deletedSince(
      Connection connection, String object, String field, long after) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT min(revision) FROM relata.set_aside"
                + " WHERE object = ? AND field = ? AND revision > ?")) {
      query.setString(1, object);
      query.setString(2, field);
      query.setLong(3, after);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long revision = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(revision);
      }
    }
  }

  /**
   * The platform's rows about an object's records, gone with its table when it is erased (kept
   * while it is set aside, for a restore): shares, service-level clocks, approval requests, the
   * users' own list views; a notification stays, without its link. The audit keeps its entries, and
   * the run log and the job queue forget on their own schedule.
   */
  private static final List<String> ABOUT_RECORDS =
      List.of(
          "DELETE FROM relata.record_share WHERE object = ?",
          "DELETE FROM relata.sla_clock WHERE object = ?",
          "DELETE FROM relata.approval_request WHERE object = ?",
          "DELETE FROM relata.personal_view WHERE object = ?",
          "UPDATE relata.notification SET object = NULL, record_id = NULL WHERE object = ?");

  /**
   * Erases an entry for good, in the caller's transaction: a field's kept columns (its numbering
   * goes with them); or an object's table, its search function, the records about its records (in
   * the objects of {@code model} that have an {@code about} field), and the entries of its fields,
   * whose columns were in its table; and the platform's rows about its records ({@link
   * #ABOUT_RECORDS}).
   */
  public static void erase(
      Connection connection, SetAside entry, Collection<ObjectDefinition> model)
      throws SQLException {
    String table = Identifiers.table(entry.object());
    try (Statement statement = connection.createStatement()) {
      if (entry.field().isPresent()) {
        for (String column : entry.storedAs()) {
          statement.execute(
              "ALTER TABLE IF EXISTS "
                  + table
                  + " DROP COLUMN IF EXISTS "
                  + Identifiers.quote(column));
        }
        remove(connection, entry.object(), entry.field().get(), entry.revision());
        return;
      }
      for (ObjectDefinition object : model) {
        for (FieldDefinition about : object.fields()) {
          if (about.type() instanceof FieldType.About) {
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM "
                        + Identifiers.table(object.name())
                        + " WHERE "
                        + Identifiers.quote(about.name())
                        + "->>'object' = ?")) {
              delete.setString(1, entry.object());
              delete.executeUpdate();
            }
          }
        }
      }
      statement.execute("DROP TABLE IF EXISTS " + table);
      statement.execute(SearchVector.dropFunction(entry.object()).sql());
    }
    for (String about : ABOUT_RECORDS) {
      try (PreparedStatement delete = connection.prepareStatement(about)) {
        delete.setString(1, entry.object());
        delete.executeUpdate();
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM relata.set_aside WHERE object = ?")) {
      delete.setString(1, entry.object());
      delete.executeUpdate();
    }
  }

  private static List<SetAside> query(Connection connection, String sql, Object... binds)
      throws SQLException {
    List<SetAside> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        query.setObject(i + 1, binds[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          Array stored = row.getArray(4);
          found.add(
              new SetAside(
                  row.getString(1),
                  Optional.of(row.getString(2)).filter(f -> !f.isEmpty()),
                  row.getLong(3),
                  Arrays.asList((String[]) stored.getArray()),
                  json(row.getString(5)),
                  row.getLong(6),
                  row.getObject(7, OffsetDateTime.class)));
        }
      }
    }
    return found;
  }

  private static JsonNode json(String text) throws SQLException {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("a set-aside definition is not JSON", e);
    }
  }
}
