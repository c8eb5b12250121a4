package io.relata.platform.job;

import io.relata.platform.database.ChannelListener;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.time.Now;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's job workers: {@code relata.jobs.workers} threads (2 by default; 0 runs no jobs on
 * this node) that run due jobs until none is left, then wait for a committed enqueue on any node
 * (PostgreSQL {@code NOTIFY} on {@value JobQueue#CHANNEL}, heard by one listening connection) or
 * for a second to pass, when timers may have come due. Finished jobs are kept {@code
 * relata.jobs.keep-days} (14) days.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobWorkers {

  private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());
  private static final long IDLE_MILLIS = 1_000;
  private static final long RETRY_MILLIS = 5_000;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;
  @Inject private JobQueue queue;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "relata.jobs.workers", defaultValue = "2")
  int workers;

  /** How long finished jobs are kept for admins to look at. */
  @Inject
  @ConfigProperty(name = "relata.jobs.keep-days", defaultValue = "14")
  int keepDays;

  private final Object wake = new Object();
  private final List<Thread> running = new ArrayList<>();
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    if (workers <= 0) {
      return;
    }
    running.add(thread("relata-job-listener", this::listen));
    for (int i = 1; i <= workers; i++) {
      running.add(thread("relata-job-worker-" + i, this::work));
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    running.forEach(Thread::interrupt);
  }

  /** Once a night, forgets the jobs that finished (done or discarded) before the kept days. */
  @Schedule(hour = "3", minute = "17", persistent = false)
  void purge() {
    try {
      int purged = queue.purge(Now.of(clock).minusDays(keepDays));
      LOG.info(() -> "Purged " + purged + " finished jobs older than " + keepDays + " days");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Purging finished jobs failed; the next night tries again", e);
    }
  }

  private Thread thread(String name, Runnable body) {
    Thread thread = threads.newThread(body);
    thread.setName(name);
    thread.start();
    return thread;
  }

  private void work() {
    while (!stopping) {
      try {
        if (!queue.runNext()) {
          idle(IDLE_MILLIS);
        }
      } catch (SQLException | RuntimeException | Error e) {
        if (!stopping) {
          LOG.log(Level.WARNING, "A job worker failed; it goes on after a pause", e);
          idle(RETRY_MILLIS);
        }
      }
    }
  }

  /** Waits for a wake-up or {@code millis}, whichever comes first. */
  private void idle(long millis) {
    synchronized (wake) {
      try {
        wake.wait(millis);
      } catch (InterruptedException e) {
        // only stop() ends a worker; an interrupt a handler left behind is cleared here
        if (!stopping) {
          LOG.fine("A job worker was interrupted; it goes on");
        }
      }
    }
  }

  private void listen() {
    ChannelListener.listen(
        dataSource,
        JobQueue.CHANNEL,
        new ChannelListener.Events() {
          @Override
          public void listening() {
            wakeAll(); // jobs enqueued while nobody listened
          }

          @Override
          public void notified() {
            wakeAll();
          }
        },
        () -> !stopping);
  }

  private void wakeAll() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }
}
