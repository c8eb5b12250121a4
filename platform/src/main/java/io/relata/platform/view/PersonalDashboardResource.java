package io.relata.platform.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /api/v1/users/me/dashboards[/{name}]}: the caller's own dashboards, documents of the shape
 * of shared ones. Any user may keep them; nobody sees another's.
 */
@Path("/v1/users/me/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PersonalDashboardResource {

  private static final long MAX_BODY = 256 * 1024;

  @Inject private PersonalDashboards dashboards;
  @Context private SecurityContext security;

  @GET
  public byte[] list() {
    ObjectNode body = JsonCodec.object();
    ArrayNode items = body.putArray("items");
    dashboards.documents(actor()).forEach(items::add);
    return JsonCodec.bytes(body);
  }

  @GET
  @Path("/{name}")
  public byte[] one(@PathParam("name") String name) {
    return JsonCodec.bytes(
        dashboards.documents(actor()).stream()
            .filter(d -> name.equals(d.path("name").asText()))
            .findFirst()
            .orElseThrow(() -> new NotFoundProblem("/api/v1/users/me/dashboards/" + name)));
  }

  /** Saves the caller's dashboard; 201 when it is new. */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("name") String name, InputStream body) {
    JsonNode json = JsonCodec.read(body, MAX_BODY);
    if (!json.isObject()) {
      throw new InvalidRequestException(
          List.of(new Violation("", "schema.type", List.of("object"))));
    }
    if (json.has("name") && !name.equals(json.get("name").asText())) {
      throw new InvalidRequestException(
          List.of(new Violation("/name", "object.name-mismatch", List.of(name))));
    }
    ObjectNode document = (ObjectNode) json;
    boolean created = dashboards.save(actor(), name, document);
    return Response.status(created ? 201 : 200)
        .entity(JsonCodec.bytes(document))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    dashboards.delete(actor(), name);
    return Response.noContent().build();
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
