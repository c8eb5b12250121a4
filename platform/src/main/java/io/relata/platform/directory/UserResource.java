package io.relata.platform.directory;

import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/users}: the accounts, for holders of {@code manage-users}. ({@code /users/me},
 * which every user may read, is {@code identity.CurrentUserResource}.)
 */
@Path("/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UserResource {

  @Inject private Users users;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  public Page<Account> list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    allowed();
    return users.list(Optional.ofNullable(cursor), Requests.limit(limit));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(InputStream body) {
    Actor actor = allowed();
    Account created = users.create(actor, UserBodies.newUser(Requests.read(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  public Account get(@PathParam("id") String id) {
    allowed();
    return users.get(id(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public Account change(@PathParam("id") String id, InputStream body) {
    Actor actor = allowed();
    UUID user = id(id);
    return users.change(actor, user, UserBodies.change(Requests.read(body)));
  }

  /** Lifts a login lock at once, instead of waiting for it to run out. */
  @POST
  @Path("/{id}/unlock")
  public Account unlock(@PathParam("id") String id) {
    return users.unlock(allowed(), id(id));
  }

  /** Revokes every API token of the user, for example when a laptop is lost. */
  @DELETE
  @Path("/{id}/tokens")
  public Map<String, Integer> revokeTokens(@PathParam("id") String id) {
    return Map.of("revoked", users.revokeTokens(allowed(), id(id)));
  }

  private Actor allowed() {
    Actor actor = (Actor) security.getUserPrincipal();
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    return actor;
  }

  private static UUID id(String id) {
    return PathIds.uuid(id).orElseThrow(() -> new NotFoundProblem("/api/v1/users/" + id));
  }
}
