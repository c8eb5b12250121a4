package io.relata.platform.build;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.CurrentModel;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.schema.Identifiers;
import io.relata.platform.schema.Indexes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Builds the indexes an object's table is missing, {@code CONCURRENTLY}: writers go on inserting
 * and updating while it reads the table. It completes the table to what the current model says
 * ({@link Indexes#of}), not to the steps of the change that queued it, so a field renamed or
 * removed while the build waited is built under its new name, or not at all. An index a failed
 * build left invalid is dropped and built again.
 *
 * <p>{@code CREATE INDEX CONCURRENTLY} cannot run in a transaction, and waits for the transactions
 * that could see the table before it: so it runs on a connection of its own, in autocommit, beside
 * the job's transaction, which holds no snapshot while it waits.
 */
@ApplicationScoped
public class IndexBuild implements JobHandler {

  /** The job kind. */
  static final String KIND = "index-build";

  /** The plan's code of an index left to this job. */
  static final String STEP = "schema.build-index";

  private static final Logger LOG = Logger.getLogger(IndexBuild.class.getName());

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  private CurrentModel models;

  /** For CDI's proxy. */
  protected IndexBuild() {}

  @Inject
  public IndexBuild(CurrentModel models) {
    this.models = models;
  }

  /** For tests: on {@code dataSource}. */
  public IndexBuild(DataSource dataSource, CurrentModel models) {
    this.dataSource = dataSource;
    this.models = models;
  }

  /** The build of {@code object}'s missing indexes, after revision {@code revision}. */
  public static NewJob of(String object, long revision) {
    return ObjectJobs.of(KIND, object, revision);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(JobRun run) throws SQLException {
    Optional<ObjectDefinition> object = ObjectJobs.object(run, models.current());
    if (object.isEmpty()) {
      return; // removed since
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      // one build per table at a time: another's index in progress looks invalid, and is not
      if (!lock(connection, "try_advisory_lock", object.get().name())) {
        throw new IllegalStateException(
            "indexes of " + object.get().name() + " are being built by another job");
      }
      try {
        build(connection, object.get());
      } finally {
        lock(connection, "advisory_unlock", object.get().name());
      }
    }
  }

  private static boolean lock(Connection connection, String function, String object)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_" + function + "(hashtext('index-build:' || ?))")) {
      statement.setString(1, object);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static void build(Connection connection, ObjectDefinition object) throws SQLException {
    Map<String, Boolean> existing = indexes(connection, object.name());
    for (Indexes.Index index : Indexes.of(object)) {
      Boolean valid = existing.get(index.name());
      if (Boolean.TRUE.equals(valid)) {
        continue;
      }
      try (Statement statement = connection.createStatement()) {
        if (valid != null) {
          statement.execute(
              "DROP INDEX CONCURRENTLY IF EXISTS "
                  + Identifiers.quote(Identifiers.SCHEMA)
                  + "."
                  + Identifiers.quote(index.name()));
        }
        long start = System.nanoTime();
        statement.execute(index.create(true));
        LOG.info(
            () ->
                "Built index "
                    + index.name()
                    + " in "
                    + (System.nanoTime() - start) / 1_000_000
                    + " ms");
      }
    }
  }

  /** The object's indexes by name, and whether each is valid (a failed build leaves it not). */
  private static Map<String, Boolean> indexes(Connection connection, String object)
      throws SQLException {
    Map<String, Boolean> found = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select i.relname, x.indisvalid from pg_index x"
                + " join pg_class i on i.oid = x.indexrelid"
                + " join pg_class t on t.oid = x.indrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relname = ?")) {
      statement.setString(1, Identifiers.SCHEMA);
      statement.setString(2, object);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), rows.getBoolean(2));
        }
      }
    }
    return found;
  }
}
