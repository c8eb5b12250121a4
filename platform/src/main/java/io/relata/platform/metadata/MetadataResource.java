package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentChange;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.problem.Problem;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /api/v1/metadata}: revisions, plans of several documents, reverts and bundles. The
 * documents themselves, of every kind, are {@link DocumentResource}'s.
 */
@Path("/v1/metadata")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MetadataResource {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;
  @Context private UriInfo uri;
  @Context private jakarta.ws.rs.core.HttpHeaders headers;

  /** Dry run: what a set of documents to put and names to delete would change. */
  @POST
  @Path("/plan")
  @Consumes(MediaType.APPLICATION_JSON)
  public String plan(String body) {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    JsonNode request = MetadataJson.read(body);
    List<JsonNode> put = new ArrayList<>();
    request.path("objects").forEach(put::add);
    List<String> delete = new ArrayList<>();
    request.path("delete").forEach(n -> delete.add(n.asText()));
    MetadataService.Outcome outcome =
        change(
            docs -> {
              List<JsonNode> result = docs;
              for (String name : delete) {
                result = without(result, name);
              }
              for (JsonNode doc : put) {
                result = replace(result, doc.path("name").asText(), doc);
              }
              return result;
            },
            null,
            true,
            null,
            key -> "/objects/" + key);
    return MetadataJson.write(ChangeJson.outcome(outcome, locale()));
  }

  @GET
  @Path("/revisions")
  public String revisions(@QueryParam("limit") String limit) {
    requireManager();
    ObjectNode body = NODES.objectNode();
    ArrayNode items = body.putArray("items");
    for (Revision r : metadata.revisions(ListLimit.parse(limit))) {
      items.add(summary(r));
    }
    return MetadataJson.write(body);
  }

  @GET
  @Path("/revisions/{number}")
  public String revision(@PathParam("number") long number) {
    requireManager();
    Revision r = metadata.revision(number).orElseThrow(() -> notFound());
    ObjectNode body = summary(r);
    body.setAll(r.documents().toJson());
    return MetadataJson.write(body);
  }

  /** What changed from revision {@code number} to revision {@code to} (default: the latest). */
  @GET
  @Path("/revisions/{number}/diff")
  public String diff(@PathParam("number") long number, @QueryParam("to") String to) {
    requireManager();
    Revision from = metadata.revision(number).orElseThrow(() -> notFound());
    long last = to == null ? metadata.current().revision() : revisionNumber(to);
    Revision until = metadata.revision(last).orElseThrow(() -> notFound());
    ObjectNode body = NODES.objectNode().put("from", from.number()).put("to", until.number());
    List<Revision> all = metadata.revisions(10_000);
    List<JsonNode> target =
        until.number() >= from.number()
            ? metadata.forwardDocuments(from, until, all)
            : metadata.revertDocuments(
                until, all.stream().filter(r -> r.number() <= from.number()).toList());
    body.set(
        "changes",
        ChangeJson.changes(ModelDiff.between(definitions(from.objects()), definitions(target))));
    // every kind's documents, added, removed or changed
    ArrayNode documents = body.putArray("documents");
    DocumentChange.between(from.documents(), until.documents())
        .forEach(
            c ->
                documents
                    .addObject()
                    .put("kind", c.kind())
                    .put("name", c.name())
                    .put("change", c.type().name().toLowerCase(java.util.Locale.ROOT)));
    return MetadataJson.write(body);
  }

  private static long revisionNumber(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          List.of(new Violation("to", "query.type", List.of("a revision number"))));
    }
  }

  /** A revision without its model: number, time, author, comment. */
  private static ObjectNode summary(Revision r) {
    ObjectNode summary = NODES.objectNode().put("number", r.number());
    summary.set("createdAt", JsonCodec.value(r.createdAt()));
    return summary.put("authorId", r.authorId().toString()).put("comment", r.comment());
  }

  private static List<ObjectDefinition> definitions(List<JsonNode> documents) {
    return documents.stream().map(DefinitionReader::object).toList();
  }

  /**
   * A new revision whose model, every kind of it, is revision {@code number}'s; renamed fields are
   * renamed back.
   */
  @POST
  @Path("/revisions/{number}/revert")
  public String revert(@PathParam("number") long number, @QueryParam("confirm") String confirm) {
    // whether a revision exists is not for those who may not revert
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    Revision target = metadata.revision(number).orElseThrow(() -> notFound());
    Documents documents = metadata.revertedTo(target);
    return MetadataJson.write(
        ChangeJson.outcome(
            changeDocuments(
                current -> documents,
                "revert to revision " + number,
                false,
                confirm,
                key -> "/objects/" + key),
            locale()));
  }

  @GET
  @Path("/bundle")
  public String bundle() {
    requireManager();
    CompiledModel model = metadata.current();
    ObjectNode body = NODES.objectNode().put("revision", model.revision());
    body.setAll(Documents.of(model).toJson());
    return MetadataJson.write(body);
  }

  /**
   * Replaces the model with the bundle's documents: its objects, and every other kind the bundle
   * has (a kind it does not have stays as it is).
   */
  @POST
  @Path("/bundle")
  @Consumes(MediaType.APPLICATION_JSON)
  public String importBundle(
      String body, @QueryParam("confirm") String confirm, @QueryParam("comment") String comment) {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    JsonNode bundle = MetadataJson.read(body);
    if (!bundle.path("objects").isArray()) {
      throw new InvalidRequestException(
          List.of(new Violation("/objects", "field.required", List.of())));
    }
    // every document of the bundle is saved as an admin saves it: its origin is Relata's to keep
    CompiledModel model = metadata.current();
    Documents stored = Documents.of(model);
    Map<DocumentKind, List<JsonNode>> saved = new java.util.LinkedHashMap<>();
    List<Violation> claims = new ArrayList<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      if (!bundle.path(kind.id()).isArray()) {
        continue;
      }
      List<JsonNode> documents = new ArrayList<>();
      JsonNode array = bundle.get(kind.id());
      for (int i = 0; i < array.size(); i++) {
        JsonNode doc = array.get(i);
        java.util.Optional<JsonNode> current =
            doc.path("name").isTextual()
                ? stored.find(kind, doc.get("name").asText())
                : java.util.Optional.empty();
        int index = i;
        Origin.claimed(doc, current)
            .ifPresent(
                p ->
                    claims.add(
                        new Violation(
                            "/" + kind.id() + "/" + index + p.pointer(),
                            p.code(),
                            List.copyOf(p.args()))));
        documents.add(doc.isObject() ? Origin.saved(doc, current) : doc);
      }
      saved.put(kind, documents);
    }
    if (!claims.isEmpty()) {
      throw new InvalidRequestException(claims);
    }
    List<JsonNode> documents = saved.get(DocumentKinds.OBJECTS);
    List<String> names = documents.stream().map(d -> d.path("name").asText()).toList();
    return MetadataJson.write(
        ChangeJson.outcome(
            changeDocuments(
                current -> {
                  Documents result = current;
                  for (Map.Entry<DocumentKind, List<JsonNode>> kind : saved.entrySet()) {
                    result = result.with(kind.getKey(), kind.getValue());
                  }
                  return result;
                },
                comment,
                false,
                confirm,
                key -> names.contains(key) ? "/objects/" + names.indexOf(key) : "/objects/" + key),
            locale()));
  }

  /**
   * Revisions and bundles tell of every object and field: for those who manage metadata or users.
   */
  private void requireManager() {
    permissions.requireAny(
        actor(), SystemPermission.MANAGE_METADATA, SystemPermission.MANAGE_USERS);
  }

  private MetadataService.Outcome change(
      Function<List<JsonNode>, List<JsonNode>> edit,
      String comment,
      boolean dryRun,
      String confirm,
      Function<String, String> pointerPrefix) {
    return changeDocuments(
        documents -> documents.with(DocumentKinds.OBJECTS, edit.apply(documents.objects())),
        comment,
        dryRun,
        confirm,
        pointerPrefix);
  }

  private MetadataService.Outcome changeDocuments(
      Function<Documents, Documents> edit,
      String comment,
      boolean dryRun,
      String confirm,
      Function<String, String> pointerPrefix) {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    return ChangeRequests.apply(
        metadata, actor(), edit, comment, dryRun, confirm, pointerPrefix, locale());
  }

  /**
   * The problems as violations; problems of roles, permission sets and sharing rules (keyed {@code
   * kind/name}) point at the document's path under {@code /api/v1/metadata}.
   */
  public static List<Violation> violations(
      Map<String, List<Problem>> problems, Function<String, String> prefix) {
    List<Violation> violations = new ArrayList<>();
    problems.forEach(
        (key, list) ->
            list.forEach(
                p ->
                    violations.add(
                        new Violation(
                            (key.contains("/") ? "/" + key : prefix.apply(key)) + p.pointer(),
                            p.code(),
                            List.copyOf(p.args())))));
    return violations;
  }

  private static List<JsonNode> replace(List<JsonNode> docs, String name, JsonNode doc) {
    List<JsonNode> result = new ArrayList<>();
    boolean replaced = false;
    for (JsonNode existing : docs) {
      if (existing.path("name").asText().equals(name)) {
        result.add(doc);
        replaced = true;
      } else {
        result.add(existing);
      }
    }
    if (!replaced) {
      result.add(doc);
    }
    return result;
  }

  private static List<JsonNode> without(List<JsonNode> docs, String name) {
    return docs.stream().filter(d -> !d.path("name").asText().equals(name)).toList();
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
