package io.relata.platform.build;

import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.job.Job;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobState;
import io.relata.platform.schema.Identifiers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What is left of the changes' deferred work, for Setup to show: each index build and search
 * refresh not done yet (waiting, or dead with its reason), and for an index being built now how far
 * PostgreSQL has come ({@code pg_stat_progress_create_index}).
 */
@ApplicationScoped
public class BuildProgress {

  /** One build not done yet. */
  public record Build(
      UUID job,
      java.time.OffsetDateTime queued,
      String object,
      boolean index,
      JobState state,
      Optional<String> lastError,
      Optional<Progress> progress) {}

  /**
   * How far one index build is.
   *
   * @param phase PostgreSQL's phase, such as {@code building index: scanning table}
   * @param done blocks or tuples done in the phase, of {@code total}; 0 of 0 when it says none
   */
  public record Progress(String index, String phase, long done, long total) {}

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  private JobQueue jobs;

  /** For CDI's proxy. */
  protected BuildProgress() {}

  @Inject
  public BuildProgress(JobQueue jobs) {
    this.jobs = jobs;
  }

  /** For tests: on {@code dataSource}. */
  public BuildProgress(DataSource dataSource, JobQueue jobs) {
    this.dataSource = dataSource;
    this.jobs = jobs;
  }

  /** The builds not done yet, oldest first. */
  public List<Build> pending() throws SQLException {
    Map<String, Progress> running = running();
    List<Build> builds = new ArrayList<>();
    for (String kind : List.of(IndexBuild.KIND, SearchRefresh.KIND)) {
      for (JobState state : List.of(JobState.READY, JobState.DEAD)) {
        for (Job job : jobs.list(Optional.of(state), Optional.of(kind), Optional.empty(), 100)) {
          String object = job.payload().path("object").asText();
          boolean index = kind.equals(IndexBuild.KIND);
          builds.add(
              new Build(
                  job.id(),
                  job.createdAt(),
                  object,
                  index,
                  state,
                  job.lastError(),
                  index ? Optional.ofNullable(running.get(object)) : Optional.empty()));
        }
      }
    }
    builds.sort(java.util.Comparator.comparing(Build::queued));
    return builds;
  }

  /** The index builds running now on object tables, by object. */
  private Map<String, Progress> running() throws SQLException {
    Map<String, Progress> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select t.relname, coalesce(i.relname, ''), p.phase,"
                    + " case when p.blocks_total > 0 then p.blocks_done else p.tuples_done end,"
                    + " case when p.blocks_total > 0 then p.blocks_total else p.tuples_total end"
                    + " from pg_stat_progress_create_index p"
                    + " join pg_class t on t.oid = p.relid"
                    + " join pg_namespace n on n.oid = t.relnamespace"
                    + " left join pg_class i on i.oid = p.index_relid"
                    + " where n.nspname = ?")) {
      statement.setString(1, Identifiers.SCHEMA);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(
              rows.getString(1),
              new Progress(rows.getString(2), rows.getString(3), rows.getLong(4), rows.getLong(5)));
        }
      }
    }
    return found;
  }
}
