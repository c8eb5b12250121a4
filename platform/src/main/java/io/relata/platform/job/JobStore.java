package io.relata.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code relata.job}; every method works in the caller's transaction. */
final class JobStore {

  private static final String COLUMNS =
      "id, kind, payload::text, idempotency_key, state, run_at, attempts, max_attempts,"
          + " last_error, created_at, finished_at, ran_on";

  /** Longest error text kept: the first lines of a stack of causes are what an admin reads. */
  private static final int ERROR_LIMIT = 4000;

  private JobStore() {}

  /** Inserts {@code job}; answers its id, or empty when its idempotency key was used before. */
  static Optional<UUID> insert(Connection connection, NewJob job, OffsetDateTime now)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.job (id, kind, payload, idempotency_key, state, run_at,"
                + " max_attempts, created_at) VALUES (?, ?, ?::jsonb, ?, 'ready', ?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO NOTHING")) {
      insert.setObject(1, id);
      insert.setString(2, job.kind());
      insert.setString(3, JsonCodec.text(job.payload()));
      insert.setString(4, job.idempotencyKey().orElse(null));
      insert.setObject(5, job.runAt().orElse(now));
      insert.setInt(6, job.maxAttempts());
      insert.setObject(7, now);
      return insert.executeUpdate() == 1 ? Optional.of(id) : Optional.empty();
    }
  }

  /**
   * The oldest due ready job, locked for this transaction; a job another worker holds is skipped,
   * not waited for.
   */
  static Optional<Job> claim(Connection connection, OffsetDateTime now) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM relata.job WHERE state = 'ready' AND run_at <= ?"
                + " ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      select.setObject(1, now);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(job(rows)) : Optional.empty();
      }
    }
  }

  static void done(Connection connection, UUID id, OffsetDateTime now, String node)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.job SET state = 'done', attempts = attempts + 1, finished_at = ?,"
                + " ran_on = ?, last_error = NULL WHERE id = ?")) {
      update.setObject(1, now);
      update.setString(2, node);
      update.setObject(3, id);
      update.executeUpdate();
    }
  }

  /** A failed attempt: the job waits for its next one, or is dead after its last. */
  static void failed(Connection connection, Job job, String error, OffsetDateTime now, String node)
      throws SQLException {
    int attempt = job.attempts() + 1;
    boolean last = attempt >= job.maxAttempts();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.job SET state = ?, attempts = ?, run_at = ?, last_error = ?,"
                + " finished_at = ?, ran_on = ? WHERE id = ?")) {
      update.setString(1, last ? JobState.DEAD.json() : JobState.READY.json());
      update.setInt(2, attempt);
      update.setObject(3, last ? job.runAt() : now.plus(Backoff.after(attempt)));
      update.setString(
          4, error.length() > ERROR_LIMIT ? error.substring(0, ERROR_LIMIT) + "…" : error);
      update.setObject(5, last ? now : null);
      update.setString(6, node);
      update.setObject(7, job.id());
      update.executeUpdate();
    }
  }

  static Optional<Job> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM relata.job WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(job(rows)) : Optional.empty();
      }
    }
  }

  /**
   * Jobs in {@code state} (all when empty), newest first, after {@code before} (a job's creation
   * time and id, for the next page).
   */
  static List<Job> list(
      Connection connection,
      Optional<JobState> state,
      Optional<String> kind,
      Optional<Job> before,
      int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM relata.job WHERE true");
    List<Object> args = new ArrayList<>();
    state.ifPresent(
        s -> {
          sql.append(" AND state = ?");
          args.add(s.json());
        });
    kind.ifPresent(
        k -> {
          sql.append(" AND kind = ?");
          args.add(k);
        });
    before.ifPresent(
        b -> {
          sql.append(" AND (created_at, id) < (?, ?)");
          args.add(b.createdAt());
          args.add(b.id());
        });
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    args.add(limit);
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        select.setObject(i + 1, args.get(i));
      }
      List<Job> jobs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          jobs.add(job(rows));
        }
      }
      return jobs;
    }
  }

  /**
   * A dead (or discarded) job made ready to run now, with a fresh set of attempts; false when it is
   * not dead or discarded (a ready job is already waiting, a done one ran).
   */
  static boolean retry(Connection connection, UUID id, OffsetDateTime now) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.job SET state = 'ready', run_at = ?, attempts = 0, finished_at = NULL"
                + " WHERE id = ? AND state IN ('dead', 'discarded')")) {
      update.setObject(1, now);
      update.setObject(2, id);
      return update.executeUpdate() == 1;
    }
  }

  /** A ready or dead job set aside for good; false when it already ran (or was set aside). */
  /**
   * Sets a waiting or dead job aside; false for a job in any other state, and for one a worker is
   * running now (its row is locked), without waiting for the run to end.
   */
  static boolean discard(Connection connection, UUID id, OffsetDateTime now) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT 1 FROM relata.job WHERE id = ? FOR UPDATE SKIP LOCKED")) {
      lock.setObject(1, id);
      try (ResultSet rows = lock.executeQuery()) {
        if (!rows.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.job SET state = 'discarded', finished_at = ?"
                + " WHERE id = ? AND state IN ('ready', 'dead')")) {
      update.setObject(1, now);
      update.setObject(2, id);
      return update.executeUpdate() == 1;
    }
  }

  /** Removes jobs that finished (done or discarded) before {@code before}; answers how many. */
  static int purge(Connection connection, OffsetDateTime before) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM relata.job WHERE state IN ('done', 'discarded') AND finished_at < ?")) {
      delete.setObject(1, before);
      return delete.executeUpdate();
    }
  }

  private static Job job(ResultSet rows) throws SQLException {
    return new Job(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        (ObjectNode) JsonCodec.parse(rows.getString(3)),
        Optional.ofNullable(rows.getString(4)),
        JobState.of(rows.getString(5)).orElseThrow(),
        rows.getObject(6, OffsetDateTime.class),
        rows.getInt(7),
        rows.getInt(8),
        Optional.ofNullable(rows.getString(9)),
        rows.getObject(10, OffsetDateTime.class),
        Optional.ofNullable(rows.getObject(11, OffsetDateTime.class)),
        Optional.ofNullable(rows.getString(12)));
  }
}
