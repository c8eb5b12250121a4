package io.relata.platform.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /api/v1/groups}: groups and their members, for holders of {@code manage-users}. */
@Path("/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class GroupResource {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

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
    Actor actor = allowed();
    if (name.length() > 63 || !NAME.matcher(name).matches()) {
      throw new InvalidRequestException(
          List.of(new Violation("name", "name.not-snake-case", List.of())));
    }
    String group = name;
    JsonNode json = Requests.body(body, Requests.GROUP);
    Groups.Put put =
        groups.put(
            actor, group, json.get("label").asText(), Requests.names(json, "permissionSets"));
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
    if (name.length() > 63 || !NAME.matcher(name).matches()) {
      throw new NotFoundProblem("/api/v1/groups/" + name);
    }
    return name;
  }

  private static UUID user(String group, String user) {
    return PathIds.uuid(user)
        .orElseThrow(() -> new NotFoundProblem("/api/v1/groups/" + group + "/members/" + user));
  }
}
