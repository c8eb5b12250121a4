package io.relata.platform.job;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt at a job, as its handler sees it: the job, the transaction it runs in, and the
 * instant the attempt started (by the platform's clock).
 */
public record JobRun(Job job, Connection connection, OffsetDateTime now, List<Runnable> committed) {

  public JobRun(Job job, Connection connection, OffsetDateTime now) {
    this(job, connection, now, new ArrayList<>());
  }

  /**
   * Runs {@code work} once the job's transaction has committed, and never when the attempt fails:
   * the after-commit hooks of what the handler wrote.
   */
  public void afterCommit(Runnable work) {
    committed.add(work);
  }

  /** Which attempt this is, from 1. */
  public int attempt() {
    return job.attempts() + 1;
  }
}
