package io.relata.platform.job;

/**
 * Runs the jobs of one {@link #kind()}. Handlers are CDI beans; the registry ({@link JobHandlers})
 * refuses two for one kind.
 *
 * <p>A handler runs in the job's transaction ({@link JobRun#connection()}): what it writes there
 * commits with the job's completion, or not at all. Anything it does outside the database (a mail
 * sent, a webhook called) may be repeated if the node dies before the commit, so such a handler
 * passes the job's id on as the receiver's idempotency key. Throwing fails the attempt: what the
 * handler wrote is rolled back and the job is retried later with the exception's message as its
 * last error.
 */
public interface JobHandler {

  /** The kind of job this handler runs, e.g. {@code automation.action}. */
  String kind();

  void run(JobRun run) throws Exception;
}
