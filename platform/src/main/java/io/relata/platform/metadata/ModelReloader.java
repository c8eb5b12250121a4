package io.relata.platform.metadata;

import io.relata.platform.database.ChannelListener;
import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import javax.sql.DataSource;

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
    ChannelListener.listen(
        dataSource,
        CHANNEL,
        new ChannelListener.Events() {
          @Override
          public void listening() {
            metadata.reload(); // whatever was notified while nobody listened
          }

          @Override
          public void notified() {
            metadata.reload();
          }
        },
        () -> running);
  }
}
