package io.relata.platform.job;

import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The durable job queue: jobs enqueued in the caller's transaction, run one at a time by {@link
 * #runNext()} in a transaction of their own, seen, retried and discarded by admins.
 */
@ApplicationScoped
public class JobQueue {

  /** The PostgreSQL channel a committed enqueue notifies, to wake the workers of every node. */
  static final String CHANNEL = "relata_job";

  /** This node, as a job's {@code ran_on} names it: the JVM's name (process id at host). */
  static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;
  @Inject private JobHandlers handlers;

  /** For CDI. */
  protected JobQueue() {}

  /** A queue on {@code dataSource}, for tests without a container. */
  public JobQueue(DataSource dataSource, Clock clock, JobHandlers handlers) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.handlers = handlers;
  }

  /**
   * Enqueues {@code job} in the transaction of {@code connection}: it exists once that commits, and
   * the workers of every node are woken then. Answers the job's id, or empty when a job with its
   * idempotency key exists already.
   */
  public Optional<UUID> enqueue(Connection connection, NewJob job) throws SQLException {
    Optional<UUID> id = JobStore.insert(connection, job, Now.of(clock));
    if (id.isPresent()) {
      try (Statement notify = connection.createStatement()) {
        notify.execute("NOTIFY " + CHANNEL);
      }
    }
    return id;
  }

  /**
   * Claims the oldest due job and runs it; answers whether there was one. The handler runs in the
   * transaction that marks the job done; when it fails, what it wrote is rolled back to a savepoint
   * and the job's failure is recorded in the same transaction, so no other worker can take the job
   * between the failure and its backoff.
   */
  public boolean runNext() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        OffsetDateTime now = Now.of(clock);
        Optional<Job> claimed = JobStore.claim(connection, now);
        if (claimed.isEmpty()) {
          connection.commit();
          return false;
        }
        Job job = claimed.get();
        Savepoint start = connection.setSavepoint();
        JobRun run = null;
        List<JobRun.Record> records = List.of();
        try {
          JobHandler handler =
              handlers
                  .of(job.kind())
                  .orElseThrow(() -> new IllegalStateException("no handler runs " + job.kind()));
          run = new JobRun(job, connection, now);
          records = run.records();
          handler.run(run);
          JobStore.done(connection, job.id(), Now.of(clock), NODE);
        } catch (Exception | Error failure) {
          // an Error too: the job is recorded as failed, never left half done by a later commit
          connection.rollback(start);
          run = null;
          JobStore.failed(connection, job, reason(failure), Now.of(clock), NODE);
          LOG.log(
              Level.INFO,
              failure,
              () ->
                  "Job "
                      + job.id()
                      + " ("
                      + job.kind()
                      + ") failed attempt "
                      + (job.attempts() + 1));
        }
        records(connection, job, records);
        connection.commit();
        if (run != null) {
          committed(run);
        }
        return true;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        if (!connection.isClosed()) {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * Writes what the attempt recorded about itself, each behind a savepoint: one that fails is
   * logged and left out, and never undoes the job's completion or failure (which would let the job
   * run again at once, without backoff).
   */
  private static void records(Connection connection, Job job, List<JobRun.Record> records)
      throws SQLException {
    for (JobRun.Record record : records) {
      Savepoint before = connection.setSavepoint();
      try {
        record.write(connection);
        connection.releaseSavepoint(before);
      } catch (SQLException | RuntimeException e) {
        connection.rollback(before);
        LOG.log(Level.WARNING, e, () -> "a record of job " + job.id() + " was not written");
      }
    }
  }

  /** What a succeeded job's handler left for after its commit; a failure there is logged. */
  private static void committed(JobRun run) {
    for (Runnable work : run.committed()) {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "after the commit of job " + run.job().id());
      }
    }
  }

  /** Rolls back after {@code cause}; a connection that is gone already is its own rollback. */
  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException gone) {
      cause.addSuppressed(gone);
    }
  }

  /** Runs due jobs until none is left; answers how many ran. For tests and the run-now button. */
  public int drain() throws SQLException {
    int ran = 0;
    while (runNext()) {
      ran++;
    }
    return ran;
  }

  public Optional<Job> find(UUID id) throws SQLException {
    return Transactions.read(dataSource, connection -> JobStore.find(connection, id));
  }

  /** A page of jobs, newest first; {@code after} is the last job of the previous page. */
  public List<Job> list(
      Optional<JobState> state, Optional<String> kind, Optional<UUID> after, int limit)
      throws SQLException {
    return Transactions.read(
        dataSource,
        connection -> {
          Optional<Job> before = Optional.empty();
          if (after.isPresent()) {
            before = JobStore.find(connection, after.get());
          }
          return JobStore.list(connection, state, kind, before, limit);
        });
  }

  /** A dead or discarded job made ready now, with fresh attempts; false if it is neither. */
  public boolean retry(UUID id) throws SQLException {
    boolean retried =
        Transactions.run(dataSource, connection -> JobStore.retry(connection, id, Now.of(clock)));
    if (retried) {
      Transactions.read(dataSource, JobQueue::notifyWorkers);
    }
    return retried;
  }

  /**
   * A ready or dead job set aside for good; false if it ran, was set aside already, or is running
   * now (without waiting for its run to end).
   */
  public boolean discard(UUID id) throws SQLException {
    return Transactions.run(
        dataSource, connection -> JobStore.discard(connection, id, Now.of(clock)));
  }

  /** Forgets jobs that finished before {@code before}; answers how many. */
  public int purge(OffsetDateTime before) throws SQLException {
    return Transactions.run(dataSource, connection -> JobStore.purge(connection, before));
  }

  private static Void notifyWorkers(Connection connection) throws SQLException {
    try (Statement notify = connection.createStatement()) {
      notify.execute("NOTIFY " + CHANNEL);
    }
    return null;
  }

  /** What an admin reads of a failure: each cause's type and message, never a stack. */
  static String reason(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" ← ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
