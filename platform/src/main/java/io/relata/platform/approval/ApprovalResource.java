package io.relata.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.CursorPage;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.PathIds;
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
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/approvals}: approval requests. {@code ?inbox=true} (the default) lists those the
 * reader decides now; {@code inbox=false} every one they may see, by state, object and record. A
 * request is approved, rejected (with a comment) or recalled with a POST.
 */
@Path("/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ApprovalResource {

  private static final long MAX_BODY = 16 * 1024;

  @Inject private Approvals approvals;
  @Context private SecurityContext security;

  @GET
  public String list(
      @QueryParam("inbox") String inbox,
      @QueryParam("state") String state,
      @QueryParam("object") String object,
      @QueryParam("record") String record,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    int size = ListLimit.parse(limit);
    if (inbox != null && !inbox.equals("true") && !inbox.equals("false")) {
      throw invalid("inbox", "query.one-of", "true, false");
    }
    if (state != null && !ApprovalRequest.STATES.contains(state)) {
      throw invalid("state", "query.one-of", String.join(", ", ApprovalRequest.STATES));
    }
    Optional<UUID> recordId = CursorPage.recordId(record, "record");
    Optional<UUID> after = CursorPage.after(cursor, approvals::exists);
    List<ObjectNode> found =
        approvals.list(
            actor(),
            !"false".equals(inbox),
            Optional.ofNullable(state),
            Optional.ofNullable(object),
            recordId,
            after,
            size + 1);
    ObjectNode page = CursorPage.of(found, size, n -> n, n -> n.get("id").asText());
    return JsonCodec.text(page);
  }

  @GET
  @Path("/{id}")
  public String get(@PathParam("id") String id) throws SQLException {
    return JsonCodec.text(approvals.find(actor(), parsed(id)));
  }

  @POST
  @Path("/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  public String approve(@PathParam("id") String id, InputStream body) throws SQLException {
    UUID request = parsed(id);
    return JsonCodec.text(approvals.decide(actor(), request, true, comment(body)));
  }

  @POST
  @Path("/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  public String reject(@PathParam("id") String id, InputStream body) throws SQLException {
    UUID request = parsed(id);
    return JsonCodec.text(approvals.decide(actor(), request, false, comment(body)));
  }

  @POST
  @Path("/{id}/recall")
  public String recall(@PathParam("id") String id) throws SQLException {
    return JsonCodec.text(approvals.recall(actor(), parsed(id)));
  }

  /** The body's comment: {@code {"comment": "..."}}, nothing else; an empty body has none. */
  private static Optional<String> comment(InputStream body) {
    JsonNode json = JsonCodec.read(body, MAX_BODY);
    if (!json.isObject()) {
      throw invalid("", "query.not-an-object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("comment")) {
        throw new InvalidRequestException(
            List.of(new Violation("/" + name, "query.unknown-member", List.of(name))));
      }
    }
    JsonNode comment = json.path("comment");
    if (!comment.isMissingNode() && !comment.isNull() && !comment.isTextual()) {
      throw new InvalidRequestException(
          List.of(new Violation("/comment", "query.type", List.of("text"))));
    }
    if (comment.isTextual() && comment.asText().length() > 2000) {
      throw new InvalidRequestException(
          List.of(new Violation("/comment", "record.too-long", List.of(2000))));
    }
    return comment.isTextual() ? Optional.of(comment.asText()) : Optional.empty();
  }

  private static UUID parsed(String id) {
    return PathIds.uuid(id).orElseThrow(() -> new NotFoundProblem("/api/v1/approvals/" + id));
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private static InvalidRequestException invalid(String parameter, String code, Object... args) {
    return new InvalidRequestException(List.of(new Violation(parameter, code, List.of(args))));
  }
}
