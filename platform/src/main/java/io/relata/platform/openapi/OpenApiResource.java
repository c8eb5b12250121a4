package io.relata.platform.openapi;

import io.relata.metadata.model.CompiledModel;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.Descriptions;
import io.relata.platform.metadata.MetadataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/openapi.json}, for signed-in clients: it describes the organisation's data
 * model, which is not for anonymous eyes.
 */
@Path("/v1/openapi.json")
@ApplicationScoped
public class OpenApiResource {

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    String version = OpenApiResource.class.getPackage().getImplementationVersion();
    CompiledModel model = metadata.current();
    // described as the caller may see it: only readable objects, only visible fields
    Descriptions described =
        Descriptions.to((Actor) security.getUserPrincipal(), model, permissions);
    return JsonCodec.text(
        OpenApiDocument.of(
            model.revision(), described.objects(), version == null ? "0.1.0" : version));
  }
}
