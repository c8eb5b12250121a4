package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.origin.Origin;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ConfirmationRequiredException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.JsonBuilders;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /api/v1/metadata/{kind}/{name}}: every kind of metadata document through one resource —
 * list, get, put, delete and plan — with what differs between kinds taken from the registry ({@link
 * DocumentKinds}): who may read them, and whether a change may need its plan confirmed. Objects are
 * described to each user as they may see them; apps and dashboards too (only the objects and
 * widgets they may see); the access kinds only to those who manage metadata or users. Changing any
 * kind needs {@code manage-metadata}. The paths of the resources this one replaced ({@code
 * /objects/{name}}, {@code /roles/{name}}, ...) are its own.
 */
@Path("/v1/metadata/{kind: (?!(?:revisions|bundle|plan)(?:/|$))[a-z][a-z-]*}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DocumentResource {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;
  @Context private jakarta.ws.rs.core.HttpHeaders headers;

  @GET
  public String list(@PathParam("kind") String kind) {
    DocumentKind which = kind(kind);
    CompiledModel model = metadata.current();
    ObjectNode body = NODES.objectNode().put("revision", model.revision());
    ArrayNode items = body.putArray("items");
    if (which.readers() == DocumentKind.Readers.DESCRIBED) {
      describedTo(model)
          .objects()
          .forEach(
              o ->
                  items
                      .addObject()
                      .put("name", o.name())
                      .put("label", o.label())
                      .put("pluralLabel", o.pluralLabel()));
    } else if (which.readers() == DocumentKind.Readers.USERS) {
      describedTo(model).presentation(which).forEach(items::add);
    } else {
      requireReader(which);
      documents(model).of(which).forEach(items::add);
    }
    return MetadataJson.write(body);
  }

  /** The kind's meta-schema: the structure its documents must have, for editors to build on. */
  @GET
  @Path("/meta-schema")
  public String metaSchema(@PathParam("kind") String kind) {
    return MetadataJson.write(kind(kind).metaSchema().document());
  }

  @GET
  @Path("/{name}")
  public String one(@PathParam("kind") String kind, @PathParam("name") String name) {
    DocumentKind which = kind(kind);
    CompiledModel model = metadata.current();
    if (which.readers() == DocumentKind.Readers.DESCRIBED) {
      return MetadataJson.write(describedTo(model).document(name).orElseThrow(this::notFound));
    }
    if (which.readers() == DocumentKind.Readers.USERS) {
      return MetadataJson.write(
          describedTo(model).presentation(which).stream()
              .filter(d -> name.equals(d.path("name").asText()))
              .findFirst()
              .orElseThrow(this::notFound));
    }
    requireReader(which);
    return MetadataJson.write(documents(model).find(which, name).orElseThrow(this::notFound));
  }

  /** Creates or replaces one document: a new revision. 201 when it is new. */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @QueryParam("confirm") String confirm,
      @QueryParam("comment") String comment,
      String body) {
    DocumentKind which = kind(kind);
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    Optional<JsonNode> current = documents(metadata.current()).find(which, name);
    JsonNode doc = stamped(named(name, MetadataJson.read(body)), current);
    MetadataService.Outcome outcome =
        change(which, name, documents -> documents.put(which, doc), comment, false, confirm);
    Response.ResponseBuilder response =
        current.isPresent() ? Response.ok() : Response.created(uri.getAbsolutePath());
    return response
        .entity(MetadataJson.write(ChangeJson.outcome(outcome, locale())))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}")
  public Response delete(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @QueryParam("confirm") String confirm,
      @QueryParam("comment") String comment) {
    DocumentKind which = kind(kind);
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    if (documents(metadata.current()).find(which, name).isEmpty()) {
      throw notFound();
    }
    change(which, name, documents -> documents.remove(which, name), comment, false, confirm);
    return Response.noContent().build();
  }

  /**
   * What putting the body as the document (or, with {@code delete=true}, deleting it) would change,
   * without changing anything: the plan a screen shows before the admin saves.
   */
  @POST
  @Path("/{name}/plan")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public String plan(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @QueryParam("delete") @DefaultValue("false") boolean delete,
      String body) {
    DocumentKind which = kind(kind);
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    Function<Documents, Documents> edit;
    if (delete) {
      if (documents(metadata.current()).find(which, name).isEmpty()) {
        throw notFound();
      }
      edit = documents -> documents.remove(which, name);
    } else {
      JsonNode doc =
          stamped(
              named(name, MetadataJson.read(body)),
              documents(metadata.current()).find(which, name));
      edit = documents -> documents.put(which, doc);
    }
    return MetadataJson.write(
        ChangeJson.outcome(change(which, name, edit, null, true, null), locale()));
  }

  /** The document as written, named as its path names it. */
  private static JsonNode named(String name, JsonNode doc) {
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
    return doc;
  }

  /** The document with the origin an admin's save gives it ({@link Origin#saved}). */
  private static JsonNode stamped(JsonNode doc, Optional<JsonNode> current) {
    Origin.claimed(doc, current)
        .ifPresent(
            p -> {
              throw new InvalidRequestException(
                  List.of(new Violation(p.pointer(), p.code(), List.copyOf(p.args()))));
            });
    return Origin.saved(doc, current);
  }

  private MetadataService.Outcome change(
      DocumentKind kind,
      String name,
      Function<Documents, Documents> edit,
      String comment,
      boolean dryRun,
      String confirm) {
    try {
      return metadata.changeDocuments(actor(), edit, comment, dryRun, Confirmation.parse(confirm));
    } catch (MetadataService.Refused refused) {
      // the document's own problems point into it; another document's at its own path
      String own = kind == DocumentKinds.OBJECTS ? name : kind.id() + "/" + name;
      List<Violation> violations =
          MetadataResource.violations(
                  refused.problems(), key -> key.equals(own) ? "" : "/objects/" + key)
              .stream()
              .map(
                  v ->
                      kind != DocumentKinds.OBJECTS && v.pointer().startsWith("/" + own)
                          ? new Violation(
                              v.pointer().substring(own.length() + 1), v.code(), v.args())
                          : v)
              .toList();
      throw new InvalidRequestException(violations);
    } catch (MetadataService.NeedsConfirmation needed) {
      String plan = MetadataJson.write(ChangeJson.outcome(needed.outcome(), locale()));
      throw new ConfirmationRequiredException(JsonBuilders.read(plan));
    }
  }

  private static Documents documents(CompiledModel model) {
    return Documents.of(model);
  }

  /** The model as the caller may be told of it. */
  private Descriptions describedTo(CompiledModel model) {
    return Descriptions.to(actor(), model, permissions);
  }

  /** Who may read the documents of access: who manage metadata or users. */
  private void requireReader(DocumentKind kind) {
    if (kind.readers() == DocumentKind.Readers.MANAGERS) {
      permissions.requireAny(
          actor(), SystemPermission.MANAGE_METADATA, SystemPermission.MANAGE_USERS);
    }
  }

  private DocumentKind kind(String id) {
    return DocumentKinds.find(id).orElseThrow(this::notFound);
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private NotFoundProblem notFound() {
    return new NotFoundProblem(uri.getRequestUri().getRawPath());
  }

  private java.util.Locale locale() {
    return io.relata.platform.rest.RequestLocale.of(headers);
  }
}
