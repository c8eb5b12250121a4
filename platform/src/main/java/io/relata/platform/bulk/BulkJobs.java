package io.relata.platform.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.BulkJournal;
import io.relata.platform.record.RowError;
import io.relata.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Bulk jobs as stored in {@code relata.bulk_job}: started, advanced chunk by chunk, finished. */
@ApplicationScoped
public class BulkJobs {

  static final int MAX_ERRORS = 1_000;

  private final DataSource dataSource;
  private final Clock clock;

  /** For CDI's proxy. */
  protected BulkJobs() {
    this(null, null);
  }

  @Inject
  public BulkJobs(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Records that job {@code id} of {@code actor} started. */
  void start(UUID id, String object, Actor actor, String action) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO relata.bulk_job (id, object, actor, action, status, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, 'running', ?, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, object);
      insert.setObject(3, actor.id());
      insert.setString(4, action);
      insert.setObject(5, Now.of(clock));
      insert.setObject(6, Now.of(clock));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("bulk job could not start", e);
    }
  }

  /** The journal of job {@code id}: its figures follow each committed chunk. */
  BulkJournal journal(UUID id) {
    return new BulkJournal() {
      private int errorsKept;

      @Override
      public void chunk(
          Connection connection, long done, long succeeded, long failed, List<BulkError> errors)
          throws SQLException {
        ArrayNode kept = JsonCodec.object().arrayNode();
        for (BulkError error : errors) {
          if (errorsKept++ < MAX_ERRORS) {
            kept.add(json(error, Locale.ENGLISH));
          }
        }
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE relata.bulk_job SET done = ?, succeeded = ?, failed = ?,"
                    + " errors = errors || ?::jsonb, updated_at = ? WHERE id = ?")) {
          update.setLong(1, done);
          update.setLong(2, succeeded);
          update.setLong(3, failed);
          update.setString(4, JsonCodec.text(kept));
          update.setObject(5, Now.of(clock));
          update.setObject(6, id);
          update.executeUpdate();
        }
      }
    };
  }

  /** Ends job {@code id} with {@code status}. */
  void finish(UUID id, String status) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE relata.bulk_job SET status = ?, updated_at = ? WHERE id = ?")) {
      update.setString(1, status);
      update.setObject(2, Now.of(clock));
      update.setObject(3, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("bulk job could not finish", e);
    }
  }

  /** Marks the jobs that were running when the server last stopped as interrupted. */
  void interruptAbandoned() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE relata.bulk_job SET status = 'interrupted' WHERE status = 'running'")) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("bulk jobs could not be checked", e);
    }
  }

  /** The job as its owner sees it; empty for anyone else, and for no such job. */
  Optional<ObjectNode> describe(UUID id, Actor actor) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT object, action, status, done, succeeded, failed, errors"
                    + " FROM relata.bulk_job WHERE id = ? AND actor = ?")) {
      select.setObject(1, id);
      select.setObject(2, actor.id());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        ObjectNode json = JsonCodec.object();
        json.put("job", id.toString());
        json.put("object", row.getString(1));
        json.put("action", row.getString(2));
        json.put("status", row.getString(3));
        json.putObject("records")
            .put("done", row.getLong(4))
            .put("succeeded", row.getLong(5))
            .put("failed", row.getLong(6));
        json.set("errors", JsonCodec.parse(row.getString(7)));
        return Optional.of(json);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("bulk job could not be read", e);
    }
  }

  /** A refused record as JSON, its messages in {@code locale}. */
  static ObjectNode json(BulkJournal.BulkError error, Locale locale) {
    ObjectNode json = JsonCodec.object();
    json.put("id", error.id().toString());
    json.set("errors", RowError.json(error.details(), locale));
    return json;
  }
}
