package io.relata.platform.setaside;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.ChangeRequests;
import io.relata.platform.metadata.MetadataResource;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import io.relata.platform.schema.SetAsides.SetAside;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/metadata/set-aside}: the fields and objects that changes deleted and that can
 * still be restored with their values, until the nightly purge erases them; restoring one is a
 * model change like any other, erasing one frees nothing but space.
 */
@Path("/v1/metadata/set-aside")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class SetAsideResource {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Inject private MetadataService metadata;
  @Inject private DeletedItems deleted;
  @Context private SecurityContext security;
  @Context private UriInfo uri;
  @Context private HttpHeaders headers;

  @GET
  public String list() throws SQLException {
    ObjectNode body = NODES.objectNode();
    ArrayNode items = body.putArray("items");
    for (SetAside entry : deleted.list(actor())) {
      ObjectNode item = items.addObject().put("object", entry.object());
      entry.field().ifPresent(field -> item.put("field", field));
      item.put("label", entry.definition().path("label").asText())
          .put("revision", entry.revision())
          .put("count", entry.count());
      item.set("setAsideAt", JsonCodec.value(entry.setAsideAt()));
      item.set("erasedAfter", JsonCodec.value(entry.erasedAfter()));
      item.set("definition", entry.definition());
    }
    return JsonCodec.text(body);
  }

  /** Restores a deleted object with its records. */
  @POST
  @Path("/{name}/{revision}/restore")
  public String restoreObject(
      @PathParam("name") String object,
      @PathParam("revision") long revision,
      @QueryParam("confirm") String confirm)
      throws SQLException {
    return restore(find(object, "", revision), confirm);
  }

  /** Restores a deleted field, with its values, to its object. */
  @POST
  @Path("/{name}/fields/{field}/{revision}/restore")
  public String restoreField(
      @PathParam("name") String object,
      @PathParam("field") String field,
      @PathParam("revision") long revision,
      @QueryParam("confirm") String confirm)
      throws SQLException {
    return restore(find(object, field, revision), confirm);
  }

  /** Erases a deleted object now, with its records: they cannot be restored after. */
  @DELETE
  @Path("/{name}/{revision}")
  public Response eraseObject(
      @PathParam("name") String object, @PathParam("revision") long revision) throws SQLException {
    return erase(find(object, "", revision));
  }

  /** Erases a deleted field's values now: they cannot be restored after. */
  @DELETE
  @Path("/{name}/fields/{field}/{revision}")
  public Response eraseField(
      @PathParam("name") String object,
      @PathParam("field") String field,
      @PathParam("revision") long revision)
      throws SQLException {
    return erase(find(object, field, revision));
  }

  private Response erase(SetAside entry) throws SQLException {
    try {
      if (!deleted.erase(actor(), entry)) {
        throw notFound();
      }
    } catch (SetAsidePurge.Busy busy) {
      throw new InvalidRequestException(
          List.of(new Violation("", "metadata.busy", List.of(entry.object()))));
    }
    return Response.noContent().build();
  }

  private String restore(SetAside entry, String confirm) {
    Locale locale = RequestLocale.of(headers);
    try {
      return ChangeRequests.json(
          ChangeRequests.apply(
              metadata,
              actor(),
              DeletedItems.restore(entry),
              "restore " + entry.object() + entry.field().map(f -> "." + f).orElse(""),
              false,
              confirm,
              key -> "/objects/" + key,
              locale),
          locale);
    } catch (DeletedItems.MissingObject missing) {
      throw new InvalidRequestException(
          MetadataResource.violations(missing.problems(), key -> "/objects/" + key));
    }
  }

  private SetAside find(String object, String field, long revision) throws SQLException {
    return deleted.find(actor(), object, field, revision).orElseThrow(this::notFound);
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private NotFoundProblem notFound() {
    return new NotFoundProblem(uri.getRequestUri().getRawPath());
  }
}
