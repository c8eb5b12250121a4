package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.CursorPage;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.ProblemException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/automation-runs}: the run log as admins (holders of {@code manage-metadata}) read
 * it, newest first, by automation, record and outcome: what set each run off, its actions, what a
 * script used of its limits, how it ended and how long it took.
 */
@Path("/v1/automation-runs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RunLogResource {

  private static final Set<String> OUTCOMES = Set.of("done", "refused", "failed");

  @Inject private RunLog runs;
  @Inject private Permissions permissions;
  @Context private SecurityContext security;

  @GET
  public String list(
      @QueryParam("automation") String automation,
      @QueryParam("record") String record,
      @QueryParam("outcome") String outcome,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    permissions.require((Actor) security.getUserPrincipal(), SystemPermission.MANAGE_METADATA);
    int size = ListLimit.parse(limit);
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw invalid("outcome", "query.one-of", "done, refused, failed");
    }
    Optional<UUID> recordId = CursorPage.recordId(record, "record");
    Optional<UUID> after = CursorPage.after(cursor, runs::has);
    runs.flush();
    List<ObjectNode> found =
        runs.list(
            Optional.ofNullable(automation),
            recordId,
            Optional.ofNullable(outcome),
            after,
            size + 1);
    ObjectNode page = CursorPage.of(found, size, n -> n, n -> n.get("id").asText());
    return JsonCodec.text(page);
  }

  private static InvalidRequestException invalid(String parameter, String code, Object... args) {
    return new InvalidRequestException(List.of(new Violation(parameter, code, List.of(args))));
  }
}
