package io.relata.platform.job;

import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue as admins (holders of {@code manage-metadata}) work with it, over the API and in
 * Setup: jobs newest first, a dead job retried, a waiting or dead one discarded. It checks the
 * right itself on every call, whichever way the call comes in.
 */
@ApplicationScoped
public class JobConsole {

  @Inject private JobQueue queue;
  @Inject private Permissions permissions;

  /** Refuses (403) whoever may not work with the queue: asked first, before any input is read. */
  public void require(Actor actor) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
  }

  /** A page of jobs, newest first; {@code after} is the last job of the previous page. */
  public List<Job> list(
      Actor actor, Optional<JobState> state, Optional<String> kind, Optional<UUID> after, int limit)
      throws SQLException {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    return queue.list(state, kind, after, limit);
  }

  /** The job, or 404. */
  public Job get(Actor actor, UUID id) throws SQLException {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    return queue.find(id).orElseThrow(() -> new NotFoundProblem("/api/v1/jobs/" + id));
  }

  /** A dead (or discarded) job runs again now, with fresh attempts; 409 for any other. */
  public Job retry(Actor actor, UUID id) throws SQLException {
    Job job = get(actor, id);
    if (!queue.retry(id)) {
      throw new ConflictException(
          "problem.job-not-retryable", List.of(), Map.of(), id, current(job).json());
    }
    return get(actor, id);
  }

  /** A waiting or dead job is set aside and never runs; 409 for any other. */
  public Job discard(Actor actor, UUID id) throws SQLException {
    Job job = get(actor, id);
    if (!queue.discard(id)) {
      JobState state = current(job);
      // a ready job that could not be set aside is one a worker is running now
      throw new ConflictException(
          "problem.job-not-discardable",
          List.of(),
          Map.of(),
          id,
          state == JobState.READY ? "running" : state.json());
    }
    return get(actor, id);
  }

  private JobState current(Job job) throws SQLException {
    return queue.find(job.id()).map(Job::state).orElse(job.state());
  }
}
