package io.relata.platform.metadata;

import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this node's compiled model current when another node changes the metadata: it listens on
 * the PostgreSQL channel {@code relata_metadata}, which every committed revision notifies, and
 * reloads the model from the latest revision. A lost connection is re-established, and the model
 * reloaded then too, since notifications sent meanwhile are gone. Starts once the fixed tables are
 * migrated.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class ModelReloader {

  static final String CHANNEL = "relata_metadata";
  private static final Logger LOG = Logger.getLogger(ModelReloader.class.getName());
  private static final int WAIT_MILLIS = 5_000;
  private static final long RETRY_MILLIS = 5_000;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;
  @Inject private MetadataService metadata;

  private volatile boolean running;
  private volatile Thread listener;

  @PostConstruct
  void start() {
    running = true;
    listener = threads.newThread(this::listen);
    listener.setName("relata-metadata-listener");
    listener.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        metadata.reload(); // whatever was notified while nobody listened
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
          if (notifications != null && notifications.length > 0) {
            metadata.reload();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "Metadata listener lost its connection; retrying", e);
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
