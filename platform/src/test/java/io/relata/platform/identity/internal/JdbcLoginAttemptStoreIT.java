package io.relata.platform.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relata.platform.identity.LoginAttemptStore;
import io.relata.platform.testing.MigratedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cleanup of quiet login names on a real PostgreSQL: what it forgets, and when it waits. */
class JdbcLoginAttemptStoreIT {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC);

  private static MigratedPostgres postgres;
  private static JdbcLoginAttemptStore store;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start();
    store = new JdbcLoginAttemptStore(postgres.dataSource());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void threeNames() throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DELETE FROM relata.login_failure");
    }
    failure("quiet", NOW.minusMinutes(20), null);
    failure("recent", NOW.minusMinutes(5), null);
    failure("locked", NOW.minusMinutes(20), NOW.plusMinutes(10));
  }

  @Test
  void forgetsOnlyNamesThatNeitherFailedLatelyNorAreLocked() {
    assertEquals(1, store.forgetQuietSince(NOW.minusMinutes(15)));
    assertEquals(List.of("locked", "recent"), names());
  }

  @Test
  void forgetsNothingWhileAnotherNodeCleans() throws SQLException {
    try (Connection other = postgres.dataSource().getConnection()) {
      advisory(other, "pg_advisory_lock");
      assertEquals(0, store.forgetQuietSince(NOW.minusMinutes(15)));
      assertEquals(List.of("locked", "quiet", "recent"), names());
      advisory(other, "pg_advisory_unlock");
    }
    assertEquals(1, store.forgetQuietSince(NOW.minusMinutes(15)));
  }

  private static void advisory(Connection connection, String function) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
      lock.setLong(1, LoginAttemptStore.CLEANUP_LOCK);
      lock.executeQuery().close();
    }
  }

  private static void failure(String name, OffsetDateTime last, OffsetDateTime lockedUntil)
      throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO relata.login_failure"
                    + " (username_digest, failures, last_attempt_at, locked_until)"
                    + " VALUES (?, 1, ?, ?)")) {
      insert.setBytes(1, name.getBytes(StandardCharsets.UTF_8));
      insert.setObject(2, last);
      insert.setObject(3, lockedUntil);
      insert.executeUpdate();
    }
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    try (Connection connection = postgres.dataSource().getConnection();
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT convert_from(username_digest, 'UTF8') FROM relata.login_failure"
                    + " ORDER BY 1")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }
}
