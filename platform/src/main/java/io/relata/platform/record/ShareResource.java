package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/records/{object}/{id}/shares}: the record's manual and team shares. {@code POST}
 * shares it with a user or a group (201, or 200 when that holder's share was changed); {@code
 * DELETE /users/{id}} and {@code /groups/{name}} end a share.
 */
@Path("/v1/records/{object}/{id}/shares")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ShareResource {

  private static final MetaSchema SHARE = MetaSchema.load(ShareResource.class, "share.schema.json");
  private static final long MAX_BODY = 4 * 1024;

  @Inject private RecordShares shares;
  @Context private SecurityContext security;

  @GET
  public Map<String, List<Share>> list(
      @PathParam("object") String object, @PathParam("id") String id) {
    return Map.of("items", shares.list(actor(), object, id(object, id)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response share(
      @PathParam("object") String object, @PathParam("id") String id, InputStream body) {
    UUID record = id(object, id);
    JsonNode json = JsonCodec.read(body, MAX_BODY);
    List<Problem> problems = SHARE.check(json);
    if (problems.isEmpty() && json.has("user") == json.has("group")) {
      problems = List.of(Problem.at("", "share.one-holder"));
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of(problems);
    }
    RecordShares.Holder holder =
        json.has("group")
            ? new RecordShares.Holder(true, null, json.get("group").asText())
            : new RecordShares.Holder(false, UUID.fromString(json.get("user").asText()), null);
    String reason = json.has("reason") ? json.get("reason").asText() : "manual";
    RecordShares.Shared shared =
        shares.share(actor(), object, record, holder, json.get("access").asText(), reason);
    return Response.status(shared.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(shared.share())
        .build();
  }

  @DELETE
  @Path("/users/{user}")
  public Response unshareUser(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @PathParam("user") String user) {
    UUID record = id(object, id);
    UUID holder =
        PathIds.uuid(user)
            .orElseThrow(
                () ->
                    new NotFoundProblem(
                        "/api/v1/records/" + object + "/" + id + "/shares/users/" + user));
    shares.unshare(actor(), object, record, new RecordShares.Holder(false, holder, null));
    return Response.noContent().build();
  }

  @DELETE
  @Path("/groups/{group}")
  public Response unshareGroup(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @PathParam("group") String group) {
    shares.unshare(actor(), object, id(object, id), new RecordShares.Holder(true, null, group));
    return Response.noContent().build();
  }

  private static UUID id(String object, String id) {
    return PathIds.uuid(id).orElseThrow(() -> RecordNotFoundException.record(object, id));
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
