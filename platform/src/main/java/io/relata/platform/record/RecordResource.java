package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionJson;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.problem.Problem;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code /api/v1/records}: create, read, update and delete records; list, query, aggregate; related
 * lists; the recycle bin. A thin adapter: it reads requests and writes answers, and the record
 * service decides everything else. The version is the {@code ETag}; {@code PATCH} and {@code
 * DELETE} honour {@code If-Match}.
 */
@Path("/v1/records/{object}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RecordResource {

  /** Records are small; a body this large is refused before it is parsed. */
  static final long MAX_BODY = 2L * 1024 * 1024;

  @Inject private RecordService records;
  @Inject private Clock clock;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("object") String object, InputStream body) {
    records.object(object);
    StoredRecord created =
        records.create(write(), object, RecordInput.fromJson(JsonCodec.read(body, MAX_BODY)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .tag(etag(created))
        .entity(JsonCodec.bytes(created.json()))
        .build();
  }

  @GET
  public byte[] list(@PathParam("object") String object) {
    records.object(object);
    RecordQuery query = ListParameters.query(uri);
    return page(records.list(actor(), object, query, false));
  }

  /** The JSON form of a list request: {@code {"filter": {...}, "sort": "-amount", ...}}. */
  @POST
  @Path("/query")
  @Consumes(MediaType.APPLICATION_JSON)
  public byte[] query(@PathParam("object") String object, InputStream body) {
    records.object(object);
    JsonNode request = JsonCodec.read(body, MAX_BODY);
    if (!request.isObject()) {
      throw QueryParameters.invalid("", "query.not-an-object");
    }
    for (var names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("filter", "q", "sort", "fields", "limit", "cursor", "expand", "total")
          .contains(name)) {
        throw QueryParameters.invalid("/" + name, "query.unknown-member", name);
      }
    }
    Optional<Expression> filter = Optional.empty();
    if (request.hasNonNull("filter")) {
      try {
        filter = Optional.of(ConditionJson.read(request.get("filter")));
      } catch (ConditionException e) {
        Problem problem = e.problem("/filter");
        throw QueryParameters.invalid(problem.pointer(), problem.code(), problem.args().toArray());
      }
    }
    if (request.hasNonNull("total") && !request.get("total").isBoolean()) {
      throw QueryParameters.invalid("/total", "query.type", "true or false");
    }
    JsonNode limit = request.path("limit");
    if (!limit.isMissingNode() && !limit.canConvertToInt()) {
      throw QueryParameters.invalid("/limit", "query.limit", RecordQuery.MAX_LIMIT);
    }
    RecordQuery query =
        new RecordQuery(
            filter,
            text(request, "q"),
            text(request, "sort"),
            request.has("fields") ? Optional.of(strings(request, "fields")) : Optional.empty(),
            limit.isMissingNode() ? RecordQuery.DEFAULT_LIMIT : limit.intValue(),
            text(request, "cursor"),
            request.has("expand") ? strings(request, "expand") : List.of(),
            request.hasNonNull("total")
                ? request.get("total").booleanValue()
                : !request.hasNonNull("cursor"));
    return page(records.list(actor(), object, query, false));
  }

  @GET
  @Path("/aggregate")
  public byte[] aggregate(
      @PathParam("object") String object,
      @QueryParam("filter") String filter,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("metrics") String metrics,
      @QueryParam("role") String role) {
    records.object(object);
    return JsonCodec.bytes(
        records.aggregate(
            actor(),
            object,
            Optional.ofNullable(filter).map(QueryParameters::filter),
            Optional.ofNullable(groupBy),
            metrics == null ? "count" : metrics,
            Optional.ofNullable(role)));
  }

  @GET
  @Path("/recycle-bin")
  public byte[] recycleBin(
      @PathParam("object") String object,
      @QueryParam("filter") String filter,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    records.object(object);
    RecordQuery query =
        new RecordQuery(
            Optional.ofNullable(filter).map(QueryParameters::filter),
            Optional.empty(),
            Optional.of("-deleted_at"),
            Optional.empty(),
            QueryParameters.limit(limit),
            Optional.ofNullable(cursor),
            List.of(),
            cursor == null);
    return page(records.list(actor(), object, query, true));
  }

  @DELETE
  @Path("/recycle-bin/{id}")
  public Response purge(@PathParam("object") String object, @PathParam("id") String id) {
    records.purge(write(), object, id(object, id));
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}")
  public Response read(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @QueryParam("expand") String expand) {
    StoredRecord record =
        records.read(
            actor(),
            object,
            id(object, id),
            Optional.ofNullable(expand).map(QueryParameters::names).orElse(List.of()));
    return Response.ok(JsonCodec.bytes(record.json())).tag(etag(record)).build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public Response update(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      InputStream body) {
    UUID recordId = id(object, id);
    OptionalLong version = version(ifMatch);
    StoredRecord record =
        records.update(
            write(),
            object,
            recordId,
            RecordInput.fromJson(JsonCodec.read(body, MAX_BODY)),
            version);
    return Response.ok(JsonCodec.bytes(record.json())).tag(etag(record)).build();
  }

  @DELETE
  @Path("/{id}")
  public Response delete(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    records.delete(write(), object, id(object, id), version(ifMatch));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/restore")
  public Response restore(@PathParam("object") String object, @PathParam("id") String id) {
    StoredRecord record = records.restore(write(), object, id(object, id));
    return Response.ok(JsonCodec.bytes(record.json())).tag(etag(record)).build();
  }

  @GET
  @Path("/{id}/related/{relation}")
  public byte[] related(
      @PathParam("object") String object,
      @PathParam("id") String id,
      @PathParam("relation") String relation) {
    UUID parent = id(object, id);
    RecordQuery query = ListParameters.query(uri);
    return page(records.related(actor(), object, parent, relation, query));
  }

  private static byte[] page(RecordLists.Page page) {
    ObjectNode body = JsonCodec.object();
    ArrayNode items = body.putArray("items");
    page.items().forEach(items::add);
    if (page.nextCursor().isPresent()) {
      body.put("nextCursor", page.nextCursor().get());
    } else {
      body.putNull("nextCursor");
    }
    if (page.total().isPresent()) {
      body.putObject("total")
          .put("count", page.total().get().count())
          .put("exact", page.total().get().exact());
    } else {
      body.putNull("total");
    }
    return JsonCodec.bytes(body);
  }

  private static Optional<String> text(JsonNode request, String name) {
    JsonNode value = request.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw QueryParameters.invalid("/" + name, "query.type", "string");
    }
    return Optional.of(value.textValue());
  }

  private static List<String> strings(JsonNode request, String name) {
    JsonNode value = request.get(name);
    List<String> strings = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw QueryParameters.invalid("/" + name, "query.type", "array of strings");
        }
        strings.add(item.textValue());
      }
      return strings;
    }
    throw QueryParameters.invalid("/" + name, "query.type", "array of strings");
  }

  /** A record id; anything that is not one names no record (404, not 400). */
  private static UUID id(String object, String id) {
    return PathIds.uuid(id).orElseThrow(() -> RecordNotFoundException.record(object, id));
  }

  /** {@code If-Match: "3"} (or {@code W/"3"}); {@code *} and absence match any version. */
  private static OptionalLong version(String ifMatch) {
    if (ifMatch == null || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return OptionalLong.of(Long.parseLong(tag));
    } catch (NumberFormatException e) {
      throw QueryParameters.invalid("If-Match", "record.if-match");
    }
  }

  private static jakarta.ws.rs.core.EntityTag etag(StoredRecord record) {
    return new jakarta.ws.rs.core.EntityTag(Long.toString(record.version()));
  }

  /** The context of a write through this API, now. */
  private WriteContext write() {
    return WriteContext.of(actor(), WriteContext.Channel.API, clock);
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
