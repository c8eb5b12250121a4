package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link TableStats} by counting, on the connection that will apply the plan, so that the counts
 * are those of the transaction. Exact counts: a plan is rare, and its words must be true.
 */
public final class JdbcTableStats implements TableStats {

  private final Connection connection;
  private final java.util.Map<String, Long> rows = new java.util.HashMap<>();

  public JdbcTableStats(Connection connection) {
    this.connection = connection;
  }

  @Override
  public long rows(String object) {
    // asked once per index and step: counted once per plan
    return rows.computeIfAbsent(object, o -> count("select count(*) from " + table(o)));
  }

  @Override
  public long values(String object, String column) {
    return count("select count(" + quote(column) + ") from " + table(object));
  }

  @Override
  public long duplicates(String object, String column) {
    return count(
        "select coalesce(sum(n), 0) from (select count(*) n from "
            + table(object)
            + " where "
            + quote(column)
            + " is not null group by "
            + quote(column)
            + " having count(*) > 1) d");
  }

  @Override
  public long longerThan(String object, String column, int length) {
    return count(
        "select count(*) from "
            + table(object)
            + " where char_length("
            + quote(column)
            + "::text) > "
            + length);
  }

  @Override
  public Set<String> indexes(String object) {
    Set<String> names = new HashSet<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select indexname from pg_indexes where schemaname = ? and tablename = ?")) {
      statement.setString(1, Identifiers.SCHEMA);
      statement.setString(2, object);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          names.add(result.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list indexes for a schema plan", e);
    }
    return names;
  }

  @Override
  public long dangling(String object, String column, String target) {
    return count(
        "select count(*) from "
            + table(object)
            + " t where t."
            + quote(column)
            + " is not null and not exists (select 1 from "
            + target
            + " r where r.\"id\" = t."
            + quote(column)
            + ")");
  }

  @Override
  public Map<Long, FieldDefinition> fieldSetAside(String object, String field) {
    Map<Long, FieldDefinition> found = new TreeMap<>();
    setAside(object, field)
        .forEach(e -> found.put(e.revision(), DefinitionReader.field(e.definition())));
    return found;
  }

  @Override
  public Map<Long, ObjectDefinition> objectSetAside(String object) {
    Map<Long, ObjectDefinition> found = new TreeMap<>();
    setAside(object, "")
        .forEach(e -> found.put(e.revision(), DefinitionReader.object(e.definition())));
    return found;
  }

  private List<SetAsides.SetAside> setAside(String object, String field) {
    try {
      return SetAsides.of(connection, object, field);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read what was set aside for a schema plan", e);
    }
  }

  private long count(String sql) {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count for a schema plan", e);
    }
  }
}
