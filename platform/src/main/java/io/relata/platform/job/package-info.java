/**
 * Durable jobs in PostgreSQL ({@code relata.job}): work that must happen once after a change
 * committed, enqueued in that change's transaction ({@link JobQueue#enqueue}) and run by workers on
 * any node ({@link JobWorkers}). A worker claims a due job with {@code FOR UPDATE SKIP LOCKED} and
 * runs its {@link JobHandler} in the transaction that marks it done, so what the handler writes and
 * the job's completion commit together: a node that dies mid-run leaves the job as it was, and
 * another node runs it. A failure is retried with backoff; after its last attempt a job is dead,
 * with the reason, until an admin retries or discards it ({@code /api/v1/jobs}).
 */
package io.relata.platform.job;
