package io.relata.platform.audit.trail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.audit.AuditQuery;
import io.relata.platform.audit.AuditVerifier;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/v1/audit}: the audit log for holders of {@code view-audit}. Entries newest first with
 * filters, the chain's verification, and an export in chain order as JSON lines for a SIEM. What a
 * reader may see is {@link AuditConsole}'s to decide.
 */
@Path("/v1/audit")
@ApplicationScoped
public class AuditResource {

  static final String NDJSON = "application/x-ndjson";

  private static final HexFormat HEX = HexFormat.of();

  @Inject private AuditConsole console;
  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @QueryParam("user") String user,
      @QueryParam("object") String object,
      @QueryParam("record") String record,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    console.require(actor());
    AuditQuery query = AuditQuery.of(user, object, record, action, from, to, limit, cursor);
    ObjectNode page = console.page(actor(), query, RequestLocale.of(headers));
    return Response.ok(JsonCodec.text(page), MediaType.APPLICATION_JSON).build();
  }

  /**
   * Recomputes the whole chain. {@code intact} is false when an entry was changed, deleted or
   * reordered, or slipped in past the log; {@code firstBreak} names the first position that does
   * not hold. {@code head} is the position and hash the chain verified up to. With {@code
   * ?head=position:hash}, a head published earlier, the chain must still reach it with that hash:
   * so cutting off the newest entries together with their seals is found too.
   */
  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  public Response verify(@QueryParam("head") String head) {
    console.require(actor());
    Optional<AuditVerifier.Head> known = head(head);
    Locale locale = RequestLocale.of(headers);
    AuditVerifier.Verification result = console.verify(actor(), known);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("intact", result.intact());
    json.put("sealed", result.sealed());
    json.put("pending", result.pending());
    json.putObject("head")
        .put("position", result.sealed())
        .put("hash", HEX.formatHex(result.head()));
    if (result.firstBreak().isPresent()) {
      AuditVerifier.Break broken = result.firstBreak().get();
      json.putObject("firstBreak")
          .put("position", broken.position())
          .put("reason", broken.reason())
          .put("message", Messages.text(broken.reason(), locale, broken.position()));
    } else {
      json.putNull("firstBreak");
    }
    return Response.ok(JsonCodec.text(json), MediaType.APPLICATION_JSON).build();
  }

  /**
   * Every sealed entry after position {@code after} (0: from the start), in chain order, one JSON
   * object per line with its position and hash: a SIEM pulls from the last position it holds. The
   * export's own entry is committed before the first line is written.
   */
  @GET
  @Path("/export")
  @Produces(NDJSON)
  public Response export(@QueryParam("after") String after) {
    console.require(actor());
    long position = position(after);
    Actor actor = actor();
    Locale locale = RequestLocale.of(headers);
    console.exporting(actor, position);
    StreamingOutput stream =
        out -> console.sealedAfter(actor, position, locale, entry -> line(out, entry));
    return Response.ok(stream, NDJSON)
        .header("Content-Disposition", "attachment; filename=\"audit.ndjson\"")
        .build();
  }

  private static void line(OutputStream out, ObjectNode entry) throws java.io.IOException {
    out.write(JsonCodec.text(entry).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  private static Optional<AuditVerifier.Head> head(String head) {
    if (head == null) {
      return Optional.empty();
    }
    Optional<AuditVerifier.Head> known = AuditVerifier.Head.parse(head);
    if (known.isPresent()) {
      return known;
    }
    throw new InvalidRequestException(
        List.of(new Violation("head", "query.type", List.of("position:hash, as /verify answers"))));
  }

  private static long position(String after) {
    if (after == null) {
      return 0;
    }
    try {
      long position = Long.parseLong(after);
      if (position >= 0) {
        return position;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException(
        List.of(new Violation("after", "query.type", List.of("a position (0 or more)"))));
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
