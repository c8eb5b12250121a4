package io.relata.platform.bulk;

import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/**
 * {@code GET /api/v1/bulk/{job}}: how far a bulk operation got, from another request while it runs:
 * records done, changed and refused, and the refusals. Only its owner sees a job.
 */
@Path("/v1/bulk/{job}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BulkJobResource {

  @Inject private BulkJobs jobs;
  @Context private SecurityContext security;

  @GET
  public String job(@PathParam("job") String job) {
    UUID id = PathIds.uuid(job).orElseThrow(() -> new NotFoundProblem("/api/v1/bulk/" + job));
    return JsonCodec.text(
        jobs.describe(id, (Actor) security.getUserPrincipal())
            .orElseThrow(() -> new NotFoundProblem("/api/v1/bulk/" + job)));
  }
}
