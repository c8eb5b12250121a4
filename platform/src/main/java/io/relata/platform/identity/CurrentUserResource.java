package io.relata.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** {@code GET /api/v1/users/me}: the user the token belongs to. */
@Path("/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class CurrentUserResource {

  /** The answer: who the caller is. */
  public record Me(UUID id, String username) {}

  @GET
  public Me me(@Context SecurityContext security) {
    Actor actor = (Actor) security.getUserPrincipal();
    return new Me(actor.id(), actor.username());
  }
}
