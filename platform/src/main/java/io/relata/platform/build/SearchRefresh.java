package io.relata.platform.build;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.CurrentModel;
import io.relata.platform.job.Batches;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.schema.Identifiers;
import io.relata.platform.schema.SearchVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes the search words of an object's records again after a change of what is searched (a
 * searched field removed or retyped, another name field): the search trigger's function already
 * computes new writes the new way, and this job touches the records stored before, in batches of
 * {@value #BATCH} by id, each a transaction of its own, so that a write waits for at most one
 * batch's row locks. A full batch queues the next.
 */
@ApplicationScoped
public class SearchRefresh implements JobHandler {

  /** The job kind. */
  static final String KIND = "search-refresh";

  /** The plan's code of a refresh left to this job. */
  static final String STEP = "schema.refresh-search-later";

  /** Records per batch. */
  static final int BATCH = 1_000;

  private CurrentModel models;
  private JobQueue jobs;

  /** For CDI's proxy. */
  protected SearchRefresh() {}

  @Inject
  public SearchRefresh(CurrentModel models, JobQueue jobs) {
    this.models = models;
    this.jobs = jobs;
  }

  /** The refresh of {@code object}'s records, after revision {@code revision}. */
  public static NewJob of(String object, long revision) {
    return ObjectJobs.of(KIND, object, revision);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(JobRun run) throws SQLException {
    Optional<ObjectDefinition> found = ObjectJobs.object(run, models.current());
    if (found.isEmpty()) {
      return; // removed since
    }
    String object = found.get().name();
    Optional<UUID> after = Batches.after(run);
    String table = Identifiers.table(object);
    // the trigger computes the column from the row: setting it is what makes the trigger fire
    String sql =
        "WITH batch AS (SELECT \"id\" FROM "
            + table
            + (after.isPresent() ? " WHERE \"id\" > ?" : "")
            + " ORDER BY \"id\" LIMIT "
            + BATCH
            + "), touched AS (UPDATE "
            + table
            + " SET "
            + Identifiers.quote(SearchVector.COLUMN)
            + " = NULL WHERE \"id\" IN (SELECT \"id\" FROM batch) RETURNING 1)"
            // a row deleted since the batch was read is not touched, yet counts: the batch was full
            + " SELECT (SELECT count(*) FROM batch),"
            + " (SELECT \"id\" FROM batch ORDER BY \"id\" DESC LIMIT 1)";
    long count;
    UUID last;
    try (PreparedStatement update = run.connection().prepareStatement(sql)) {
      if (after.isPresent()) {
        update.setObject(1, after.get());
      }
      try (ResultSet rows = update.executeQuery()) {
        rows.next();
        count = rows.getLong(1);
        last = rows.getObject(2, UUID.class);
      }
    }
    if (count == BATCH) {
      jobs.enqueue(run.connection(), Batches.next(run, last));
    }
  }
}
