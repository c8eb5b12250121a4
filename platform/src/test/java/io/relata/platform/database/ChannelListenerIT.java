package io.relata.platform.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listener hears what is notified once the notifying transaction commits, and nothing of one
 * rolled back; when its session dies it listens again and says so, so that its owner catches up.
 */
class ChannelListenerIT {

  private static MigratedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void hearsCommittedNotificationsAndListensAgainAfterItsSessionDies() throws Exception {
    Semaphore listening = new Semaphore(0);
    Semaphore notified = new Semaphore(0);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread thread =
        new Thread(
            () ->
                ChannelListener.listen(
                    postgres.dataSource(),
                    "relata_test",
                    new ChannelListener.Events() {
                      @Override
                      public void listening() {
                        listening.release();
                      }

                      @Override
                      public void notified() {
                        notified.release();
                      }
                    },
                    running::get));
    thread.start();
    try {
      assertTrue(listening.tryAcquire(30, TimeUnit.SECONDS), "listening");

      try (Connection connection = postgres.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        statement.execute("NOTIFY relata_test");
        connection.rollback();
        statement.execute("NOTIFY relata_test");
        connection.commit();
      }
      assertTrue(notified.tryAcquire(30, TimeUnit.SECONDS), "heard at the commit");
      assertTrue(
          !notified.tryAcquire(0, TimeUnit.SECONDS), "the rolled-back notification was not heard");

      terminateListener();
      assertTrue(listening.tryAcquire(60, TimeUnit.SECONDS), "listening again, to catch up");
      try (Connection connection = postgres.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("NOTIFY relata_test");
      }
      assertTrue(notified.tryAcquire(30, TimeUnit.SECONDS), "heard on the new session");
    } finally {
      running.set(false);
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  private static void terminateListener() throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet killed =
            statement.executeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query = 'LISTEN relata_test' AND pid <> pg_backend_pid()")) {
      assertTrue(killed.next() && killed.getBoolean(1), "the listener's session was found");
    }
  }
}
