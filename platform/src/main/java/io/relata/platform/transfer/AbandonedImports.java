package io.relata.platform.transfer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * At start, after the database schema: an import still marked running was cut short when the server
 * stopped (or was killed), so it becomes interrupted and can be resumed. Relata runs imports on one
 * node at a time; with several nodes this would need a lease per job.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class AbandonedImports {

  @Inject private ImportJobs jobs;

  @PostConstruct
  void interrupt() {
    jobs.interruptAbandoned();
  }
}
