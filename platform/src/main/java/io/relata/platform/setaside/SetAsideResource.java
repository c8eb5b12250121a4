package io.relata.platform.setaside;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.ChangeRequests;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import io.relata.platform.schema.SetAsides;
import io.relata.platform.schema.SetAsides.SetAside;
import jakarta.annotation.Resource;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

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

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private MetadataService metadata;
  @Inject private SetAsidePurge purge;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;
  @Context private HttpHeaders headers;

  @GET
  public String list() throws SQLException {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    ObjectNode body = NODES.objectNode();
    ArrayNode items = body.putArray("items");
    for (SetAside entry : entries()) {
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
    SetAside entry = find(object, "", revision);
    ObjectNode restored = entry.definition().deepCopy();
    restored.put("restoredFrom", revision);
    return restore(docs -> docs.put(DocumentKinds.OBJECTS, restored), object, confirm);
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
    SetAside entry = find(object, field, revision);
    ObjectNode restored = entry.definition().deepCopy();
    restored.put("restoredFrom", revision);
    return restore(
        docs -> {
          ObjectNode doc =
              (ObjectNode)
                  docs.find(DocumentKinds.OBJECTS, object)
                      .orElseThrow(
                          () ->
                              new InvalidRequestException(
                                  List.of(
                                      new Violation(
                                          "/object", "object.unknown-object", List.of(object)))))
                      .deepCopy();
          ((ArrayNode) doc.withArray("fields")).add(restored);
          return docs.put(DocumentKinds.OBJECTS, doc);
        },
        object,
        confirm);
  }

  /** Erases a deleted object now, with its records: they cannot be restored after. */
  @DELETE
  @Path("/{name}/{revision}")
  public Response eraseObject(
      @PathParam("name") String object, @PathParam("revision") long revision) throws SQLException {
    return erase(object, "", revision);
  }

  /** Erases a deleted field's values now: they cannot be restored after. */
  @DELETE
  @Path("/{name}/fields/{field}/{revision}")
  public Response eraseField(
      @PathParam("name") String object,
      @PathParam("field") String field,
      @PathParam("revision") long revision)
      throws SQLException {
    return erase(object, field, revision);
  }

  private Response erase(String object, String field, long revision) throws SQLException {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    try {
      if (!purge.erase(actor(), object, field, revision)) {
        throw notFound();
      }
    } catch (SetAsidePurge.Busy busy) {
      throw new InvalidRequestException(
          List.of(new Violation("", "metadata.busy", List.of(object))));
    }
    return Response.noContent().build();
  }

  private String restore(
      java.util.function.UnaryOperator<Documents> edit, String object, String confirm) {
    MetadataService.Outcome outcome =
        ChangeRequests.apply(
            metadata,
            actor(),
            edit,
            "restore " + object,
            false,
            confirm,
            key -> "/objects/" + key,
            RequestLocale.of(headers));
    return ChangeRequests.json(outcome, RequestLocale.of(headers));
  }

  private SetAside find(String object, String field, long revision) throws SQLException {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    return entries().stream()
        .filter(
            e ->
                e.object().equals(object)
                    && e.field().orElse("").equals(field)
                    && e.revision() == revision)
        .findFirst()
        .orElseThrow(this::notFound);
  }

  private List<SetAside> entries() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return SetAsides.all(connection);
    }
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private NotFoundProblem notFound() {
    return new NotFoundProblem(uri.getRequestUri().getRawPath());
  }
}
