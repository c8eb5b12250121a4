package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/automation-tests}: for holders of {@code manage-metadata}, an automation,
 * assignment rules or a scoring model run against a record they can read, in a transaction that is
 * rolled back ({@link TestRun}): what it would change, assign, send, call and schedule. An action
 * that would be refused answers 400 with the refusal, as the write would.
 */
@Path("/v1/automation-tests")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TestRunResource {

  private static final long MAX_BODY = 16 * 1024;
  private static final Set<String> MEMBERS = Set.of("kind", "name", "object", "record");

  @Inject private TestRuns runs;
  @Context private SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public String test(InputStream body) throws SQLException {
    Actor actor = (Actor) security.getUserPrincipal();
    runs.require(actor);
    JsonNode request = JsonCodec.read(body, MAX_BODY);
    if (!request.isObject()) {
      throw invalid("", "query.not-an-object");
    }
    List<Violation> violations = new ArrayList<>();
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        violations.add(new Violation("/" + name, "query.unknown-member", List.of(name)));
      }
    }
    for (String member : List.of("kind", "name", "object", "record")) {
      if (!request.path(member).isTextual() || request.get(member).asText().isBlank()) {
        violations.add(new Violation("/" + member, "record.required", List.of()));
      }
    }
    String kind = request.path("kind").asText();
    if (request.path("kind").isTextual() && !TestRuns.KINDS.contains(kind)) {
      violations.add(
          new Violation("/kind", "query.one-of", List.of(String.join(", ", TestRuns.KINDS))));
    }
    UUID id = PathIds.uuid(request.path("record").asText()).orElse(null);
    if (request.path("record").isTextual() && id == null) {
      violations.add(new Violation("/record", "query.type", List.of("a record's id")));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return JsonCodec.text(
        runs.run(actor, kind, request.get("name").asText(), request.get("object").asText(), id));
  }

  private static InvalidRequestException invalid(String pointer, String code) {
    return new InvalidRequestException(List.of(new Violation(pointer, code, List.of())));
  }
}
