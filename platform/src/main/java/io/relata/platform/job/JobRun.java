package io.relata.platform.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt at a job, as its handler sees it: the job, the transaction it runs in, and the
 * instant the attempt started (by the platform's clock).
 */
public record JobRun(
    Job job,
    Connection connection,
    OffsetDateTime now,
    List<Runnable> committed,
    List<Record> records) {

  /** A write about the attempt itself, such as a delivery log's row. */
  @FunctionalInterface
  public interface Record {
    void write(Connection connection) throws SQLException;
  }

  public JobRun(Job job, Connection connection, OffsetDateTime now) {
    this(job, connection, now, new ArrayList<>(), new ArrayList<>());
  }

  /**
   * Writes {@code record} in the job's transaction once the attempt has ended, however it ended:
   * unlike what the handler writes itself, it stands when the attempt fails (and the job's failure
   * is recorded beside it). For what an attempt did outside the database, such as a call made. A
   * record that cannot be written is logged and left out; the attempt's outcome stands.
   */
  public void record(Record record) {
    records.add(record);
  }

  /**
   * Runs {@code work} once the job's transaction has committed, and never when the attempt fails:
   * the after-commit hooks of what the handler wrote.
   */
  public void afterCommit(Runnable work) {
    committed.add(work);
  }

  /**
   * Refuses a run of a job queued with a metadata change (its payload's {@code revision}) on a node
   * whose model, at revision {@code loaded}, is older than the change: it has not reloaded yet. The
   * attempt fails, and the job is tried again after its backoff, never done against the model it
   * was queued to follow.
   */
  public void requireRevision(long loaded) {
    long revision = job.payload().path("revision").asLong(0);
    if (loaded < revision) {
      throw new IllegalStateException(
          "metadata revision " + revision + " is not loaded on this node yet");
    }
  }

  /** Which attempt this is, from 1. */
  public int attempt() {
    return job.attempts() + 1;
  }
}
