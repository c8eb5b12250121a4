package io.relata.platform.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionJson;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.problem.Problem;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.BulkRequest;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/records/{object}/bulk}: update, assign or delete many records, each through
 * the record service's write pipeline ({@link BulkJobResource} says how far one got). A body:
 *
 * <pre>
 * {"action": "update", "ids": ["…", "…"], "values": {"status": "s2"}}
 * {"action": "assign", "filter": "stage = \"new\"", "owner": "…"}
 * {"action": "delete", "filter": {"field": "amount", "op": "lt", "value": 0}}
 * </pre>
 *
 * The answer names the job and says how many records were changed and which were refused, and why;
 * a client that wants to watch a long run reads the job from another request.
 */
@Path("/v1/records/{object}/bulk")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BulkResource {

  /** A list of ids with values to write: large, but refused before it is parsed beyond this. */
  static final long MAX_BODY = 2L * 1024 * 1024;

  private static final Set<String> MEMBERS = Set.of("action", "ids", "filter", "values", "owner");

  @Inject private RecordService records;
  @Inject private BulkRunner runner;
  @Inject private Clock clock;
  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response bulk(@PathParam("object") String object, InputStream body) {
    records.object(object);
    BulkRequest request = request(JsonCodec.read(body, MAX_BODY));
    BulkRunner.Run run =
        runner.run(WriteContext.of(actor(), WriteContext.Channel.API, clock), object, request);
    UUID id = run.job();
    String action = run.action();
    RecordService.BulkResult result = run.result();
    ObjectNode answer = JsonCodec.object();
    answer.put("job", id.toString());
    answer.put("action", action);
    answer.put("status", "completed");
    answer.putObject("records").put("succeeded", result.succeeded()).put("failed", result.failed());
    ArrayNode errors = answer.putArray("errors");
    Locale locale = RequestLocale.of(headers);
    result.errors().forEach(e -> errors.add(BulkJobs.json(e, locale)));
    return Response.ok(JsonCodec.text(answer), MediaType.APPLICATION_JSON)
        .header("Location", "/api/v1/bulk/" + id)
        .build();
  }

  /** The request in the body; 400 naming every member that is wrong. */
  private static BulkRequest request(JsonNode body) {
    List<Violation> violations = new ArrayList<>();
    if (!body.isObject()) {
      throw invalid("", "bulk.not-an-object");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                violations.add(new Violation("/" + name, "bulk.unknown-member", List.of(name)));
              }
            });
    Optional<BulkRequest.Action> action = action(body.get("action"), violations);
    Optional<List<UUID>> ids = ids(body.get("ids"), violations);
    Optional<Expression> filter = filter(body.get("filter"), violations);
    if (ids.isPresent() == filter.isPresent() && violations.isEmpty()) {
      violations.add(new Violation("", "bulk.target", List.of()));
    }
    RecordInput values = RecordInput.empty();
    Optional<UUID> owner = Optional.empty();
    if (action.orElse(null) == BulkRequest.Action.UPDATE) {
      JsonNode given = body.get("values");
      if (given == null || !given.isObject() || given.isEmpty()) {
        violations.add(new Violation("/values", "bulk.values", List.of()));
      } else {
        values = RecordInput.fromJson(given);
      }
    } else if (body.has("values")) {
      violations.add(new Violation("/values", "bulk.unknown-member", List.of("values")));
    }
    if (action.orElse(null) == BulkRequest.Action.ASSIGN) {
      owner = PathIds.uuid(body.path("owner").asText(""));
      if (owner.isEmpty()) {
        violations.add(new Violation("/owner", "bulk.owner", List.of()));
      }
    } else if (body.has("owner")) {
      violations.add(new Violation("/owner", "bulk.unknown-member", List.of("owner")));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new BulkRequest(action.orElseThrow(), ids, filter, values, owner);
  }

  private static Optional<BulkRequest.Action> action(JsonNode json, List<Violation> violations) {
    for (BulkRequest.Action action : BulkRequest.Action.values()) {
      if (json != null
          && json.isTextual()
          && json.textValue().equals(action.name().toLowerCase(Locale.ROOT))) {
        return Optional.of(action);
      }
    }
    violations.add(new Violation("/action", "bulk.action", List.of()));
    return Optional.empty();
  }

  private static Optional<List<UUID>> ids(JsonNode json, List<Violation> violations) {
    if (json == null) {
      return Optional.empty();
    }
    if (!json.isArray() || json.isEmpty() || json.size() > BulkRequest.MAX_IDS) {
      violations.add(new Violation("/ids", "bulk.ids", List.of(BulkRequest.MAX_IDS)));
      return Optional.empty();
    }
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      Optional<UUID> id = PathIds.uuid(json.get(i).asText(""));
      if (!json.get(i).isTextual() || id.isEmpty()) {
        violations.add(new Violation("/ids/" + i, "bulk.id", List.of()));
      } else if (!ids.contains(id.get())) {
        ids.add(id.get());
      }
    }
    return Optional.of(ids);
  }

  private static Optional<Expression> filter(JsonNode json, List<Violation> violations) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          json.isTextual() ? ConditionParser.parse(json.textValue()) : ConditionJson.read(json));
    } catch (ConditionException e) {
      Problem problem = e.problem("/filter");
      violations.add(new Violation(problem.pointer(), problem.code(), List.copyOf(problem.args())));
      return Optional.empty();
    }
  }

  private static InvalidRequestException invalid(String pointer, String code) {
    return new InvalidRequestException(List.of(new Violation(pointer, code, List.of())));
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
