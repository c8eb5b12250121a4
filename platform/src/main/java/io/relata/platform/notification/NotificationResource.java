package io.relata.platform.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.CursorPage;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/notifications}: the caller's own notifications, newest first, with how many are
 * unread; one or all marked read. Nobody reads another's.
 */
@Path("/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class NotificationResource {

  @Inject private Notifications notifications;
  @Inject private Clock clock;
  @Context private SecurityContext security;

  @GET
  public String list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor)
      throws SQLException {
    UUID user = me();
    int size = ListLimit.parse(limit);
    Optional<UUID> after = Optional.empty();
    if (cursor != null) {
      after = PathIds.uuid(cursor);
      if (after.isEmpty()) {
        throw new InvalidRequestException(
            List.of(new Violation("cursor", "query.cursor", List.of())));
      }
    }
    List<Notification> found = notifications.of(user, after, size + 1);
    ObjectNode page = JsonCodec.object();
    page.put("unread", notifications.unread(user));
    CursorPage.fill(page, found, size, NotificationResource::json, n -> n.id().toString());
    return JsonCodec.text(page);
  }

  @POST
  @Path("/{id}/read")
  public Response read(@PathParam("id") String id) throws SQLException {
    Optional<UUID> parsed = PathIds.uuid(id);
    if (parsed.isEmpty() || !notifications.read(me(), parsed, Now.of(clock))) {
      throw new NotFoundProblem("/api/v1/notifications/" + id);
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/read")
  public Response readAll() throws SQLException {
    notifications.read(me(), Optional.empty(), Now.of(clock));
    return Response.noContent().build();
  }

  private UUID me() {
    return ((Actor) security.getUserPrincipal()).id();
  }

  static ObjectNode json(Notification n) {
    ObjectNode json = JsonCodec.object();
    json.put("id", n.id().toString());
    json.put("at", n.at().toInstant().toString());
    json.put("title", n.title());
    json.put("body", n.body());
    if (n.object().isPresent() && n.record().isPresent()) {
      json.putObject("about")
          .put("object", n.object().get())
          .put("id", n.record().get().toString());
    } else {
      json.putNull("about");
    }
    json.put("read", n.read().isPresent());
    return json;
  }
}
