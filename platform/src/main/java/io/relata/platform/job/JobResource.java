package io.relata.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.CursorPage;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/jobs}: the job queue as admins (holders of {@code manage-metadata}) see it. Jobs
 * newest first, filtered by state and kind; one job with its attempts and last error; a dead job
 * retried, a waiting or dead one discarded.
 */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class JobResource {

  @Inject private JobConsole jobs;
  @Context private SecurityContext security;

  @GET
  public String list(
      @QueryParam("state") String state,
      @QueryParam("kind") String kind,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    Actor actor = actor();
    int size = ListLimit.parse(limit);
    Optional<JobState> inState = state(state);
    Optional<UUID> after = Optional.empty();
    if (cursor != null) {
      after =
          Optional.of(
              PathIds.uuid(cursor)
                  .orElseThrow(
                      () ->
                          new InvalidRequestException(
                              List.of(new Violation("cursor", "query.cursor", List.of())))));
    }
    if (after.isPresent() && !exists(actor, after.get())) {
      // the job the cursor names is gone (purged): the list cannot go on from it
      throw new InvalidRequestException(
          List.of(new Violation("cursor", "query.cursor", List.of())));
    }
    List<Job> found = jobs.list(actor, inState, Optional.ofNullable(kind), after, size + 1);
    ObjectNode page = CursorPage.of(found, size, JobResource::json, job -> job.id().toString());
    return JsonCodec.text(page);
  }

  @GET
  @Path("/{id}")
  public String job(@PathParam("id") String id) throws SQLException {
    return JsonCodec.text(json(jobs.get(actor(), id(id))));
  }

  /** A dead (or discarded) job runs again now, with fresh attempts. */
  @POST
  @Path("/{id}/retry")
  public String retry(@PathParam("id") String id) throws SQLException {
    return JsonCodec.text(json(jobs.retry(actor(), id(id))));
  }

  /** A waiting or dead job is set aside and never runs. */
  @POST
  @Path("/{id}/discard")
  public String discard(@PathParam("id") String id) throws SQLException {
    return JsonCodec.text(json(jobs.discard(actor(), id(id))));
  }

  private boolean exists(Actor actor, UUID id) throws SQLException {
    try {
      jobs.get(actor, id);
      return true;
    } catch (NotFoundProblem gone) {
      return false;
    }
  }

  private static UUID id(String id) {
    return PathIds.uuid(id).orElseThrow(() -> new NotFoundProblem("/api/v1/jobs/" + id));
  }

  private static Optional<JobState> state(String state) {
    if (state == null) {
      return Optional.empty();
    }
    return Optional.of(
        JobState.of(state)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        List.of(
                            new Violation(
                                "state",
                                "query.one-of",
                                List.of(
                                    Arrays.stream(JobState.values())
                                        .map(JobState::json)
                                        .collect(Collectors.joining(", "))))))));
  }

  /** The caller, refused (403) before any of the request is read when they may not. */
  private Actor actor() {
    Actor actor = (Actor) security.getUserPrincipal();
    jobs.require(actor);
    return actor;
  }

  static ObjectNode json(Job job) {
    ObjectNode json = JsonCodec.object();
    json.put("id", job.id().toString());
    json.put("kind", job.kind());
    json.put("state", job.state().json());
    json.set("payload", job.payload());
    json.put("idempotencyKey", job.idempotencyKey().orElse(null));
    json.set("runAt", JsonCodec.value(job.runAt()));
    json.put("attempts", job.attempts());
    json.put("maxAttempts", job.maxAttempts());
    json.put("lastError", job.lastError().orElse(null));
    json.set("createdAt", JsonCodec.value(job.createdAt()));
    json.set("finishedAt", JsonCodec.value(job.finishedAt().orElse(null)));
    json.put("ranOn", job.ranOn().orElse(null));
    return json;
  }
}
