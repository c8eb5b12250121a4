package io.relata.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on a PostgreSQL channel, on a connection of its own, for as long as it is to run: what
 * other nodes (and this one) {@code NOTIFY} there once their transaction commits. A lost connection
 * is opened again after a pause; since notifications sent meanwhile are gone, the listener is told
 * each time it listens anew, to catch up.
 */
public final class ChannelListener {

  /** What to do when listening starts (again) and when a notification arrives. */
  public interface Events {
    /** Listening (again): what was notified while nobody listened is lost, so catch up. */
    void listening();

    /** One or more notifications arrived. */
    void notified();
  }

  private static final Logger LOG = Logger.getLogger(ChannelListener.class.getName());
  private static final int WAIT_MILLIS = 5_000;
  private static final long RETRY_MILLIS = 5_000;

  private ChannelListener() {}

  /**
   * Listens on {@code channel} until {@code running} is false or the thread is interrupted; meant
   * to be a thread's whole body.
   */
  public static void listen(
      DataSource dataSource, String channel, Events events, BooleanSupplier running) {
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + channel);
        }
        events.listening();
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running.getAsBoolean()) {
          PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
          if (notifications != null && notifications.length > 0) {
            events.notified();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running.getAsBoolean()) {
          LOG.log(Level.WARNING, e, () -> "Listening on " + channel + " failed; retrying");
          try {
            Thread.sleep(RETRY_MILLIS);
          } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }
}
