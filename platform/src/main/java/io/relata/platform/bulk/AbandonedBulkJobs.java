package io.relata.platform.bulk;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * At start, after the database schema: a bulk job still marked running was cut short when the
 * server stopped, so it becomes interrupted (its committed chunks stay done). Like imports, bulk
 * jobs run on the node that took the request; several nodes would need a lease per job.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class AbandonedBulkJobs {

  @Inject private BulkJobs jobs;

  @PostConstruct
  void interrupt() {
    jobs.interruptAbandoned();
  }
}
