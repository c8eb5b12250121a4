package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

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
