package io.relata.platform.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/users/me/password}: the caller changes their own password, giving the one
 * they have now. No right needed.
 */
@Path("/v1/users/me/password")
@ApplicationScoped
public class OwnPasswordResource {

  @Inject private Users users;
  @Context private SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(InputStream body) {
    JsonNode json = JsonCodec.read(body, 4 * 1024);
    List<Violation> missing = new ArrayList<>();
    for (String name : List.of("current", "password")) {
      if (!json.path(name).isTextual()) {
        missing.add(new Violation("/" + name, "field.required", List.of()));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    users.changeOwnPassword(
        (Actor) security.getUserPrincipal(),
        json.get("current").asText().toCharArray(),
        json.get("password").asText().toCharArray());
    return Response.noContent().build();
  }
}
