package io.relata.platform.openapi;

import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.MetadataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/openapi.json}, for signed-in clients: it describes the organisation's data
 * model, which is not for anonymous eyes.
 */
@Path("/v1/openapi.json")
@ApplicationScoped
public class OpenApiResource {

  @Inject private MetadataService metadata;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    String version = OpenApiResource.class.getPackage().getImplementationVersion();
    return JsonCodec.text(
        OpenApiDocument.of(metadata.current(), version == null ? "0.1.0" : version));
  }
}
