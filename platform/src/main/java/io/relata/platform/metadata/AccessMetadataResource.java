package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.access.AccessDocuments.Kind;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
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
import java.util.List;
import java.util.function.Function;

/**
 * {@code /api/v1/metadata/roles|permission-sets|sharing-rules/{name}}: the authorization model's
 * documents. Each change is a new metadata revision with the same objects; changing them needs the
 * {@code manage-metadata} permission, reading them {@code manage-metadata} or {@code manage-users}.
 */
@Path("/v1/metadata/{kind: roles|permission-sets|sharing-rules}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AccessMetadataResource {

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  public String list(@PathParam("kind") String kind) {
    requireManager();
    CompiledModel model = metadata.current();
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("revision", model.revision());
    ArrayNode items = body.putArray("items");
    model.access().documents().of(kind(kind)).forEach(items::add);
    return MetadataJson.write(body);
  }

  @GET
  @Path("/{name}")
  public String one(@PathParam("kind") String kind, @PathParam("name") String name) {
    requireManager();
    return MetadataJson.write(
        metadata.current().access().documents().find(kind(kind), name).orElseThrow(this::notFound));
  }

  /** Creates or replaces one document: a new revision. 201 when it is new. */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @QueryParam("comment") String comment,
      String body) {
    Kind which = kind(kind);
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    JsonNode doc = MetadataJson.read(body);
    if (!doc.isObject()) {
      throw new InvalidRequestException(
          List.of(new Violation("", "schema.type", List.of("object"))));
    }
    if (!doc.has("name")) {
      ((ObjectNode) doc).put("name", name);
    } else if (!name.equals(doc.get("name").asText())) {
      throw new InvalidRequestException(
          List.of(new Violation("/name", "object.name-mismatch", List.of(name))));
    }
    java.util.Optional<JsonNode> current =
        metadata.current().access().documents().find(which, name);
    if (which == Kind.PERMISSION_SET && grantsSystemPermissions(current, doc)) {
      // or manage-metadata would give its holder any system permission through their own set
      permissions.requireAdministrator(actor());
    }
    boolean exists = current.isPresent();
    MetadataService.Outcome outcome = change(documents -> documents.put(which, doc), comment);
    Response.ResponseBuilder response =
        exists ? Response.ok() : Response.created(uri.getAbsolutePath());
    return response
        .entity(
            MetadataJson.write(
                JsonNodeFactory.instance.objectNode().put("revision", outcome.revision())))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}")
  public Response delete(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @QueryParam("comment") String comment) {
    Kind which = kind(kind);
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    if (metadata.current().access().documents().find(which, name).isEmpty()) {
      throw notFound();
    }
    change(documents -> documents.remove(which, name), comment);
    return Response.noContent().build();
  }

  private MetadataService.Outcome change(
      Function<AccessDocuments, AccessDocuments> edit, String comment) {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    try {
      return metadata.changeAccess(actor(), edit, comment, false);
    } catch (MetadataService.Refused refused) {
      // a document's problems point into it; another document's at its own path
      String own =
          uri.getPathParameters().getFirst("kind") + "/" + uri.getPathParameters().getFirst("name");
      List<Violation> violations =
          MetadataResource.violations(refused.problems(), key -> "/" + key).stream()
              .map(
                  v ->
                      v.pointer().startsWith("/" + own)
                          ? new Violation(
                              v.pointer().substring(own.length() + 1), v.code(), v.args())
                          : v)
              .toList();
      throw new InvalidRequestException(violations);
    }
  }

  /** Whether {@code doc} names a system permission that the set's current version does not. */
  private static boolean grantsSystemPermissions(
      java.util.Optional<JsonNode> current, JsonNode doc) {
    java.util.Set<String> held = new java.util.HashSet<>();
    current.ifPresent(set -> set.path("system").forEach(p -> held.add(p.asText())));
    for (JsonNode permission : doc.path("system")) {
      if (!held.contains(permission.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Who may read roles, permission sets and sharing rules: who manage metadata or users. */
  private void requireManager() {
    permissions.requireAny(
        actor(), SystemPermission.MANAGE_METADATA, SystemPermission.MANAGE_USERS);
  }

  private static Kind kind(String path) {
    return Kind.ofPath(path).orElseThrow();
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private NotFoundProblem notFound() {
    return new NotFoundProblem(uri.getRequestUri().getRawPath());
  }
}
