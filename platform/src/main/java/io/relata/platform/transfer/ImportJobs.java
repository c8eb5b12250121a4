package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.ImportJournal;
import io.relata.platform.record.RowError;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Import jobs in {@code relata.import_job}: started or resumed, journalled batch by batch in the
 * import's own transactions, finished. A job still marked running when the server starts was cut
 * short by a crash: it becomes interrupted, and can be resumed.
 */
@ApplicationScoped
public class ImportJobs {

  /** A job as stored. */
  record Job(
      UUID id,
      String object,
      UUID actor,
      String mode,
      boolean dryRun,
      String status,
      long done,
      long checked,
      long written,
      long failed) {}

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  /** Marks the jobs that were running when the server last stopped as interrupted. */
  void interruptAbandoned() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE relata.import_job SET status = 'interrupted' WHERE status = 'running'")) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("import jobs could not be checked", e);
    }
  }

  /**
   * Starts job {@code id}, or resumes it when it exists, was interrupted or failed, and belongs to
   * the same user and object. Answers the job as it starts.
   */
  Job start(UUID id, String object, Actor actor, String mode, boolean dryRun) {
    try (Connection connection = dataSource.getConnection()) {
      Optional<Job> existing = find(connection, id);
      if (existing.isPresent()) {
        Job job = existing.get();
        if (!job.actor().equals(actor.id()) || !job.object().equals(object)) {
          throw new ConflictException("problem.import-other", List.of(), Map.of());
        }
        if (!job.status().equals("interrupted") && !job.status().equals("failed")) {
          throw new ConflictException(
              "problem.import-not-resumable", List.of(), Map.of(), job.status());
        }
        try (PreparedStatement resume =
            connection.prepareStatement(
                "UPDATE relata.import_job SET status = 'running', mode = ?, dry_run = ?,"
                    + " updated_at = ? WHERE id = ? AND status = ?")) {
          resume.setString(1, mode);
          resume.setBoolean(2, dryRun);
          resume.setObject(3, Now.of(clock));
          resume.setObject(4, id);
          resume.setString(5, job.status());
          if (resume.executeUpdate() == 0) {
            throw new ConflictException(
                "problem.import-not-resumable", List.of(), Map.of(), "running");
          }
        }
        // an all-or-nothing run committed nothing: it starts again from the first row
        return mode.equals("best-effort")
            ? find(connection, id).orElseThrow()
            : restart(connection, id);
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO relata.import_job (id, object, actor, mode, dry_run, status, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?, 'running', ?, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setObject(1, id);
        insert.setString(2, object);
        insert.setObject(3, actor.id());
        insert.setString(4, mode);
        insert.setBoolean(5, dryRun);
        insert.setObject(6, Now.of(clock));
        insert.setObject(7, Now.of(clock));
        if (insert.executeUpdate() == 0) {
          throw new ConflictException(
              "problem.import-not-resumable", List.of(), Map.of(), "running");
        }
      }
      return find(connection, id).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException("import job could not start", e);
    }
  }

  private Job restart(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement reset =
        connection.prepareStatement(
            "UPDATE relata.import_job SET rows_done = 0, rows_checked = 0, rows_written = 0,"
                + " rows_failed = 0, errors = '[]' WHERE id = ?")) {
      reset.setObject(1, id);
      reset.executeUpdate();
    }
    return find(connection, id).orElseThrow();
  }

  /** The journal of a running job, adding to what earlier runs of it did. */
  ImportJournal journal(Job job) {
    return new ImportJournal() {
      private int errorsKept = 0;

      @Override
      public void batch(
          Connection connection, long done, long written, long failed, List<RowError> errors)
          throws SQLException {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (RowError error : errors) {
          if (errorsKept++ < 1_000) {
            kept.add(json(error, Locale.ENGLISH));
          }
        }
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE relata.import_job SET rows_done = ?, rows_checked = ?, rows_written = ?,"
                    + " rows_failed = ?, errors = errors || ?::jsonb, updated_at = ? WHERE id = ?")) {
          update.setLong(1, done);
          update.setLong(2, done);
          update.setLong(3, job.written() + written);
          update.setLong(4, job.failed() + failed);
          update.setString(5, JsonCodec.text(kept));
          update.setObject(6, Now.of(clock));
          update.setObject(7, job.id());
          update.executeUpdate();
        }
      }

      @Override
      public void progress(long done, long failed) {
        try (Connection connection = dataSource.getConnection();
            PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE relata.import_job SET rows_checked = ?, updated_at = ? WHERE id = ?")) {
          update.setLong(1, done);
          update.setObject(2, Now.of(clock));
          update.setObject(3, job.id());
          update.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException("import progress could not be recorded", e);
        }
      }
    };
  }

  /** Ends a run: its status and, for runs that commit at the end, its figures. */
  void finish(
      UUID id, String status, long written, long failed, List<RowError> errors, boolean atEnd) {
    try (Connection connection = dataSource.getConnection()) {
      String figures = atEnd ? ", rows_written = ?, rows_failed = ?, errors = ?::jsonb" : "";
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE relata.import_job SET status = ?, updated_at = ?"
                  + figures
                  + " WHERE id = ?")) {
        int i = 1;
        update.setString(i++, status);
        update.setObject(i++, Now.of(clock));
        if (atEnd) {
          ArrayNode kept = JsonNodeFactory.instance.arrayNode();
          errors.stream().limit(1_000).forEach(e -> kept.add(json(e, Locale.ENGLISH)));
          update.setLong(i++, written);
          update.setLong(i++, failed);
          update.setString(i++, JsonCodec.text(kept));
        }
        update.setObject(i, id);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("import job could not finish", e);
    }
  }

  /** How far a job has got: rows done (committed), checked, written and refused. */
  public record Progress(String status, long done, long checked, long written, long failed) {}

  /** How far job {@code id} has got, for its owner; empty for anyone else. */
  Optional<Progress> progress(UUID id, Actor actor) {
    try (Connection connection = dataSource.getConnection()) {
      return find(connection, id)
          .filter(j -> j.actor().equals(actor.id()))
          .map(j -> new Progress(j.status(), j.done(), j.checked(), j.written(), j.failed()));
    } catch (SQLException e) {
      throw new IllegalStateException("import job could not be read", e);
    }
  }

  /** The job as JSON, for its owner; empty for anyone else, as if there were none. */
  Optional<ObjectNode> describe(UUID id, Actor actor) {
    try (Connection connection = dataSource.getConnection()) {
      Optional<Job> job = find(connection, id).filter(j -> j.actor().equals(actor.id()));
      if (job.isEmpty()) {
        return Optional.empty();
      }
      ObjectNode json = summary(job.get());
      try (PreparedStatement errors =
          connection.prepareStatement("SELECT errors FROM relata.import_job WHERE id = ?")) {
        errors.setObject(1, id);
        try (ResultSet rows = errors.executeQuery()) {
          rows.next();
          json.set("errors", JsonCodec.parse(rows.getString(1)));
        }
      }
      return Optional.of(json);
    } catch (SQLException e) {
      throw new IllegalStateException("import job could not be read", e);
    }
  }

  static ObjectNode summary(Job job) {
    ObjectNode json = JsonCodec.object();
    json.put("job", job.id().toString());
    json.put("object", job.object());
    json.put("mode", job.mode());
    json.put("dryRun", job.dryRun());
    json.put("status", job.status());
    json.putObject("rows")
        .put("done", job.done())
        .put("checked", job.checked())
        .put("written", job.written())
        .put("failed", job.failed());
    return json;
  }

  /** A row's refusal, its messages in {@code locale}. */
  static ObjectNode json(RowError error, Locale locale) {
    ObjectNode json = JsonCodec.object();
    json.put("row", error.row());
    json.set("errors", RowError.json(error.details(), locale));
    return json;
  }

  private static Optional<Job> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, object, actor, mode, dry_run, status, rows_done, rows_checked,"
                + " rows_written, rows_failed FROM relata.import_job WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Job(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getObject(3, UUID.class),
                rows.getString(4),
                rows.getBoolean(5),
                rows.getString(6),
                rows.getLong(7),
                rows.getLong(8),
                rows.getLong(9),
                rows.getLong(10)));
      }
    }
  }
}
