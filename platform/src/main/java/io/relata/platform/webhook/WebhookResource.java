package io.relata.platform.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.rest.CursorPage;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
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
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code /api/v1/webhooks/{name}}: for holders of {@code manage-metadata}, a webhook's signing
 * secret (made on first ask, or anew on POST) and its delivery log, newest attempt first. The
 * webhook itself is a metadata document ({@code /api/v1/metadata/webhooks}).
 */
@Path("/v1/webhooks/{name}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WebhookResource {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CompiledObjects objects;
  @Inject private Permissions permissions;
  @Inject private Clock clock;
  @Context private SecurityContext security;

  /** The secret calls are signed with: what the receiver checks signatures with. */
  @GET
  @Path("/secret")
  public String secret(@PathParam("name") String name) throws SQLException {
    known(name);
    String secret =
        Transactions.run(
            dataSource, connection -> WebhookSecrets.of(connection, name, Now.of(clock)));
    return JsonCodec.text(JsonCodec.object().put("webhook", name).put("secret", secret));
  }

  /** A new secret in place of the old: calls attempted from now on are signed with it. */
  @POST
  @Path("/secret")
  public String rotate(@PathParam("name") String name) throws SQLException {
    known(name);
    String secret =
        Transactions.run(
            dataSource, connection -> WebhookSecrets.rotate(connection, name, Now.of(clock)));
    return JsonCodec.text(JsonCodec.object().put("webhook", name).put("secret", secret));
  }

  @GET
  @Path("/deliveries")
  public String deliveries(
      @PathParam("name") String name,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    known(name);
    int size = ListLimit.parse(limit);
    Optional<UUID> from =
        CursorPage.after(cursor, id -> Transactions.read(dataSource, c -> Deliveries.has(c, id)));
    List<ObjectNode> found =
        Transactions.read(dataSource, c -> Deliveries.list(c, name, from, size + 1));
    ObjectNode page = CursorPage.of(found, size, n -> n, n -> n.get("id").asText());
    return JsonCodec.text(page);
  }

  /** Only an admin, and only about a webhook the metadata has. */
  private void known(String name) {
    permissions.require((Actor) security.getUserPrincipal(), SystemPermission.MANAGE_METADATA);
    if (objects.current().automations().webhook(name).isEmpty()) {
      throw new NotFoundProblem("/api/v1/webhooks/" + name);
    }
  }
}
