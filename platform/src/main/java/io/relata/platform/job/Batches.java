package io.relata.platform.job;

import java.util.Optional;
import java.util.UUID;

/**
 * Jobs that work through records in batches by id, each batch a job and a transaction of its own:
 * where a batch starts (after the id its payload names, or at the first), and the job of the batch
 * after it. The next batch's key names the job before it and the last id, so a retried batch queues
 * its successor once.
 */
public final class Batches {

  private static final String AFTER = "after";

  private Batches() {}

  /** The id this batch starts after; empty for the first. */
  public static Optional<UUID> after(JobRun run) {
    return Optional.ofNullable(run.job().payload().path(AFTER).textValue()).map(UUID::fromString);
  }

  /** The job of the batch after {@code run}'s, which ended at {@code last}: the same payload. */
  public static NewJob next(JobRun run, UUID last) {
    return NewJob.of(run.job().kind(), run.job().payload().deepCopy().put(AFTER, last.toString()))
        .key(run.job().kind() + "/" + run.job().id() + "/" + last);
  }
}
