package io.relata.platform.transfer;

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
 * {@code GET /api/v1/imports/{job}}: how far an import has got — rows done (committed), checked,
 * written and refused, and the refusals. Only its owner sees a job.
 */
@Path("/v1/imports/{job}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ImportJobResource {

  @Inject private ImportJobs jobs;
  @Context private SecurityContext security;

  @GET
  public String job(@PathParam("job") String job) {
    UUID id = PathIds.uuid(job).orElseThrow(() -> new NotFoundProblem("/api/v1/imports/" + job));
    return JsonCodec.text(
        jobs.describe(id, (Actor) security.getUserPrincipal())
            .orElseThrow(() -> new NotFoundProblem("/api/v1/imports/" + job)));
  }
}
