package io.relata.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pipelined connection on a real PostgreSQL: its {@code COPY}s run in order behind the caller,
 * the caller's next call sees what they wrote, and a {@code COPY} that failed fails the caller's
 * next call with the database's own error, once; a rollback answers it.
 */
class CopyPipelineIT {

  private static MigratedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start();
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE piped (n int PRIMARY KEY, label text)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void copiesRunInOrderAndTheNextCallSeesThem() throws Exception {
    try (Connection raw = postgres.dataSource().getConnection();
        CopyPipeline pipeline = CopyPipeline.on(raw)) {
      raw.setAutoCommit(false);
      Connection connection = pipeline.connection();
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("1\tone\n2\ttwo\n"));
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("3\tthree\n"));

      assertEquals(3, count(connection, "SELECT count(*) FROM piped WHERE n <= 3"));
      connection.rollback();
    }
  }

  @Test
  void aFailedCopyFailsTheNextCallWithTheDatabasesErrorAndARollbackAnswersIt() throws Exception {
    try (Connection raw = postgres.dataSource().getConnection();
        CopyPipeline pipeline = CopyPipeline.on(raw)) {
      raw.setAutoCommit(false);
      Connection connection = pipeline.connection();
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("10\tten\n"));
      Savepoint before = connection.setSavepoint();
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("11\ta\n11\tb\n"));
      // queued behind the failure: it fails too, but the error reported is the first one
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("12\ttwelve\n"));

      SQLException failure =
          assertThrows(SQLException.class, () -> connection.releaseSavepoint(before));
      assertEquals("23505", failure.getSQLState(), failure.getMessage());
      connection.rollback(before);
      assertEquals(1, count(connection, "SELECT count(*) FROM piped WHERE n >= 10"));
      connection.rollback();
    }
  }

  @Test
  void withoutAPipelineACopyRunsAtOnce() throws Exception {
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      CopyPipeline.copyIn(connection, "piped (n, label)", new StringBuilder("20\ttwenty\n"));
      assertEquals(1, count(connection, "SELECT count(*) FROM piped WHERE n = 20"));
      SQLException failure =
          assertThrows(
              SQLException.class,
              () ->
                  CopyPipeline.copyIn(
                      connection, "piped (n, label)", new StringBuilder("20\tagain\n")));
      assertEquals("23505", failure.getSQLState());
      connection.rollback();
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
