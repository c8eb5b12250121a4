package io.relata.platform.build;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.schema.Identifiers;
import io.relata.platform.schema.Indexes;
import io.relata.platform.schema.SearchVector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start-up, gives the object tables made before the search column was kept by a trigger their
 * trigger: a generated column keeps its values and stops being generated, a table without one gets
 * it (empty: nothing of it was searched). Once per table: a table whose column is plain and has its
 * trigger is left alone. Run by the application's role, which owns the object tables, under the
 * metadata lock, before requests are served.
 */
@Singleton
@Startup
@DependsOn("ModelReloader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // its own transaction, by hand
public class SearchTriggers {

  private static final Logger LOG = Logger.getLogger(SearchTriggers.class.getName());

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private MetadataService metadata;

  @PostConstruct
  void upgradeAtStart() {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        MetadataService.lock(connection);
        int upgraded = 0;
        for (ObjectDefinition object : metadata.current().objects()) {
          if (upgradeTable(connection, object)) {
            upgraded++;
          }
        }
        connection.commit();
        if (upgraded > 0) {
          int count = upgraded;
          LOG.info(() -> "Search of " + count + " object tables is now kept by a trigger");
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot upgrade the search columns of object tables", e);
    }
  }

  private static boolean upgradeTable(Connection connection, ObjectDefinition object)
      throws SQLException {
    Optional<String> generated = column(connection, object.name());
    if (generated.isPresent() && generated.get().isEmpty() && trigger(connection, object.name())) {
      return false;
    }
    try (Statement statement = connection.createStatement()) {
      String table = Identifiers.table(object.name());
      String column = Identifiers.quote(SearchVector.COLUMN);
      if (generated.isEmpty()) {
        statement.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " tsvector");
      } else if (!generated.get().isEmpty()) {
        statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP EXPRESSION");
      }
      for (String sql : SearchVector.install(object)) {
        statement.execute(sql);
      }
      for (Indexes.Index index : Indexes.of(object)) {
        if (index.part().equals(SearchVector.COLUMN)) {
          statement.execute(index.create(false));
        }
      }
    }
    return true;
  }

  /** The column's {@code attgenerated} ('' when plain), or empty when the table has none. */
  private static Optional<String> column(Connection connection, String object) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select a.attgenerated::text from pg_attribute a"
                + " join pg_class t on t.oid = a.attrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relname = ? and a.attname = ? and not a.attisdropped")) {
      statement.setString(1, Identifiers.SCHEMA);
      statement.setString(2, object);
      statement.setString(3, SearchVector.COLUMN);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1).trim()) : Optional.empty();
      }
    }
  }

  private static boolean trigger(Connection connection, String object) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select 1 from pg_trigger g join pg_class t on t.oid = g.tgrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relname = ? and g.tgname = ?")) {
      statement.setString(1, Identifiers.SCHEMA);
      statement.setString(2, object);
      statement.setString(3, Identifiers.derived(object, SearchVector.COLUMN, "trg"));
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
