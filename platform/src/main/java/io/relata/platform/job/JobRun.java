package io.relata.platform.job;

import java.sql.Connection;
import java.time.OffsetDateTime;

/**
 * One attempt at a job, as its handler sees it: the job, the transaction it runs in, and the
 * instant the attempt started (by the platform's clock).
 */
public record JobRun(Job job, Connection connection, OffsetDateTime now) {

  /** Which attempt this is, from 1. */
  public int attempt() {
    return job.attempts() + 1;
  }
}
