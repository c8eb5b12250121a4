package io.relata.platform.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/users/me/views/{objectName}[/{name}]}: the caller's own list views of an object.
 * Any user who reads the object may keep views of it; nobody sees another's.
 */
@Path("/v1/users/me/views/{objectName}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PersonalViewResource {

  /** A view is a few lines of JSON. */
  private static final long MAX_BODY = 64 * 1024;

  @Inject private PersonalViews views;
  @Context private SecurityContext security;

  @GET
  public byte[] list(@PathParam("objectName") String object) {
    ObjectNode body = JsonCodec.object();
    ArrayNode items = body.putArray("items");
    views.of(actor(), object).forEach(v -> items.add(PersonalViews.json(v)));
    return JsonCodec.bytes(body);
  }

  /** Saves the caller's view; 201 when it is new. */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("objectName") String object, @PathParam("name") String name, InputStream body) {
    JsonNode json = JsonCodec.read(body, MAX_BODY);
    if (!json.isObject()) {
      throw new InvalidRequestException(
          List.of(new Violation("", "schema.type", List.of("object"))));
    }
    if (!json.path("label").isTextual()) {
      throw new InvalidRequestException(
          List.of(new Violation("/label", "field.required", List.of())));
    }
    PersonalView view =
        new PersonalView(
            object,
            name,
            json.get("label").asText(),
            texts(json, "columns"),
            Optional.ofNullable(json.get("filter"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(f -> !f.isBlank()),
            texts(json, "sort"));
    boolean created = views.save(actor(), view);
    return Response.status(created ? 201 : 200)
        .entity(JsonCodec.bytes(PersonalViews.json(view)))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("objectName") String object, @PathParam("name") String name) {
    views.delete(actor(), object, name);
    return Response.noContent().build();
  }

  private static List<String> texts(JsonNode json, String name) {
    List<String> texts = new ArrayList<>();
    JsonNode array = json.path(name);
    if (!array.isMissingNode() && !array.isArray()) {
      throw new InvalidRequestException(
          List.of(new Violation("/" + name, "schema.type", List.of("array"))));
    }
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
