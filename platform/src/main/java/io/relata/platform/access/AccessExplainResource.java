package io.relata.platform.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/v1/access/explain?user=&object=&id=}: the {@link AccessExplainer}'s answer for
 * holders of {@code manage-users}.
 */
@Path("/v1/access/explain")
@ApplicationScoped
public class AccessExplainResource {

  @Inject private AccessExplainer explainer;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response explain(
      @QueryParam("user") String user,
      @QueryParam("object") String object,
      @QueryParam("id") String id) {
    Actor actor = (Actor) security.getUserPrincipal();
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    List<Violation> problems = new ArrayList<>();
    Optional<UUID> userId = required("user", user, problems);
    if (object == null) {
      problems.add(new Violation("object", "query.type", List.of("an object name")));
    }
    Optional<UUID> recordId = Optional.empty();
    if (id != null) {
      recordId = PathIds.uuid(id);
      if (recordId.isEmpty()) {
        problems.add(new Violation("id", "query.type", List.of("an id")));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    ObjectNode explanation =
        explainer.explain(actor, userId.get(), object, recordId, RequestLocale.of(headers));
    // Jackson writes a tree as JSON text; JSON-B would write it as a bean
    return Response.ok(explanation.toString(), MediaType.APPLICATION_JSON).build();
  }

  private static Optional<UUID> required(String name, String text, List<Violation> problems) {
    Optional<UUID> id = text == null ? Optional.empty() : PathIds.uuid(text);
    if (id.isEmpty()) {
      problems.add(new Violation(name, "query.type", List.of("a user id")));
    }
    return id;
  }
}
