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
import jakarta.ws.rs.PUT;
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
import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/groups}: groups and their members, for holders of {@code manage-users}. */
@Path("/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class GroupResource {

  @Inject private Groups groups;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  public Page<Group> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    allowed();
    return groups.list(Optional.ofNullable(cursor), Requests.limit(limit));
  }

  @GET
  @Path("/{name}")
  public Group get(@PathParam("name") String name) {
    allowed();
    return groups.get(name(name));
  }

  /** Creates the group (201) or changes it (200). */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("name") String name, InputStream body) {
    Groups.Put put = groups.put(allowed(), GroupBodies.read(name, Requests.read(body)));
    if (put.created()) {
      return Response.created(uri.getAbsolutePath()).entity(put.group()).build();
    }
    return Response.ok(put.group()).build();
  }

  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    groups.delete(allowed(), name(name));
    return Response.noContent().build();
  }

  @GET
  @Path("/{name}/members")
  public Page<Group.Member> members(
      @PathParam("name") String name,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    allowed();
    return groups.members(name(name), Optional.ofNullable(cursor), Requests.limit(limit));
  }

  @PUT
  @Path("/{name}/members/{user}")
  public Response addMember(@PathParam("name") String name, @PathParam("user") String user) {
    groups.membership(allowed(), name(name), user(name, user), true);
    return Response.noContent().build();
  }

  @DELETE
  @Path("/{name}/members/{user}")
  public Response removeMember(@PathParam("name") String name, @PathParam("user") String user) {
    groups.membership(allowed(), name(name), user(name, user), false);
    return Response.noContent().build();
  }

  private Actor allowed() {
    Actor actor = (Actor) security.getUserPrincipal();
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    return actor;
  }

  /** A name that no group could have is a 404, like one no group has. */
  private static String name(String name) {
    if (!GroupBodies.named(name)) {
      throw new NotFoundProblem("/api/v1/groups/" + name);
    }
    return name;
  }

  private static UUID user(String group, String user) {
    return PathIds.uuid(user)
        .orElseThrow(() -> new NotFoundProblem("/api/v1/groups/" + group + "/members/" + user));
  }
}
