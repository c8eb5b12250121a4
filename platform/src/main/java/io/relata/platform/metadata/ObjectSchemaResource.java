package io.relata.platform.metadata;

import io.relata.metadata.model.CompiledModel;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/metadata/objects/{name}/schema}: an object's records as JSON Schema, as the
 * caller may write them. Only objects have one, so it is not a path of every document kind.
 */
@Path("/v1/metadata/objects/{name}/schema")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ObjectSchemaResource {

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  public String schema(@PathParam("name") String name) {
    CompiledModel model = metadata.current();
    Descriptions described =
        Descriptions.to((Actor) security.getUserPrincipal(), model, permissions);
    return MetadataJson.write(
        described
            .schema(name)
            .orElseThrow(() -> new NotFoundProblem(uri.getRequestUri().getRawPath())));
  }
}
