package io.relata.testing;

import io.relata.platform.audit.AuditSealer;
import io.relata.platform.identity.LoginAttemptStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * "A refused request changes nothing — not the record, not the audit, not a sequence", checked
 * around every request {@link ApiClient} sends that could change something. Before it, the check
 * notes PostgreSQL's next transaction id and every sequence's value; after a 4xx answer it requires
 * that no transaction that began in between committed (every one aborted, or there was none) and
 * that no sequence moved. This covers every table, the audit's included, without reading them.
 *
 * <p>Two background jobs commit on their own: the audit sealer every second and the cleanup of
 * quiet login names every five minutes. While a checked request runs, the check holds both jobs'
 * locks, so that they skip their turns instead of committing in between. Autovacuum, whose analyses
 * commit too, is off in the test database ({@link TestDatabase}).
 *
 * <p>Runs where the application's data source can be looked up (the in-container tests), and only
 * when no other request of the suite overlapped, so that concurrency tests do not confuse it. Sign
 * in is left out: a failed login is meant to count towards the lockout.
 */
public final class RefusedRequests {

  private static final String DATA_SOURCE = "java:app/jdbc/relata";
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final AtomicLong STARTED = new AtomicLong();
  private static final AtomicLong CHECKED = new AtomicLong();
  private static volatile Optional<DataSource> dataSource;

  private RefusedRequests() {}

  /** The state before one request; {@code null} fields when the request is not checked. */
  record Mark(
      long started,
      boolean alone,
      long nextXid,
      Map<String, Long> sequences,
      Connection backgroundPaused) {}

  /** How many refused requests were checked in this JVM (in-container: in this deployment). */
  public static long checked() {
    return CHECKED.get();
  }

  static Mark before(String method, String path) {
    boolean alone;
    long started;
    // together: a request counted in between would be in flight yet unseen by this one's mark
    synchronized (RefusedRequests.class) {
      alone = IN_FLIGHT.getAndIncrement() == 0;
      started = STARTED.incrementAndGet();
    }
    if (method.equals("GET") || method.equals("HEAD") || path.startsWith("api/v1/auth/tokens")) {
      return new Mark(started, false, 0, Map.of(), null);
    }
    Optional<DataSource> data = dataSource();
    if (!alone || data.isEmpty()) {
      return new Mark(started, false, 0, Map.of(), null);
    }
    try {
      Connection paused = data.get().getConnection();
      backgroundLocks(paused, "pg_advisory_lock");
      return new Mark(started, true, nextXid(paused), sequences(paused), paused);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void after(Mark mark, String method, String path, int status) {
    try {
      if (!mark.alone() || status < 400 || status >= 500 || STARTED.get() != mark.started()) {
        return;
      }
      try (Connection connection = dataSource().orElseThrow().getConnection()) {
        long next = nextXid(connection);
        List<String> committed = committedSince(connection, mark.nextXid(), next);
        String what = method + " " + path + " answered " + status;
        if (!committed.isEmpty()) {
          throw new AssertionError(what + " but committed transactions " + committed);
        }
        Map<String, Long> sequences = sequences(connection);
        if (!sequences.equals(mark.sequences())) {
          throw new AssertionError(
              what + " but moved a sequence: " + mark.sequences() + " -> " + sequences);
        }
        CHECKED.incrementAndGet();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    } finally {
      IN_FLIGHT.decrementAndGet();
      resumeBackground(mark);
    }
  }

  private static void resumeBackground(Mark mark) {
    if (mark.backgroundPaused() == null) {
      return;
    }
    try (Connection paused = mark.backgroundPaused()) {
      // a pooled connection outlives close(): a session lock must be released by hand
      backgroundLocks(paused, "pg_advisory_unlock");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes or releases the locks of the jobs that commit on their own, always in this order. */
  private static void backgroundLocks(Connection connection, String function) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + function + "(?), " + function + "(?)")) {
      statement.setLong(1, AuditSealer.LOCK);
      statement.setLong(2, LoginAttemptStore.CLEANUP_LOCK);
      statement.executeQuery().close();
    }
  }

  private static long nextXid(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<String> committedSince(Connection connection, long from, long to)
      throws SQLException {
    List<String> committed = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT x, pg_xact_status(x::text::xid8) FROM generate_series(?::bigint, ?::bigint) x"
                + " WHERE pg_xact_status(x::text::xid8) IS DISTINCT FROM 'aborted'")) {
      statement.setLong(1, from);
      statement.setLong(2, to - 1);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          committed.add(rows.getLong(1) + " " + rows.getString(2));
        }
      }
    }
    return committed;
  }

  private static Map<String, Long> sequences(Connection connection) throws SQLException {
    Map<String, Long> values = new HashMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences"
                    + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getObject(2) == null ? null : rows.getLong(2));
      }
    }
    return values;
  }

  private static Optional<DataSource> dataSource() {
    Optional<DataSource> known = dataSource;
    if (known == null) {
      try {
        known = Optional.of(InitialContext.doLookup(DATA_SOURCE));
      } catch (NamingException | RuntimeException e) {
        known = Optional.empty();
      }
      dataSource = known;
    }
    return known;
  }
}
