package io.relata.platform.audit.trail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.audit.AuditQuery;
import io.relata.platform.audit.AuditReader;
import io.relata.platform.audit.AuditVerifier;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.message.Messages;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.rest.RequestLocale;
import jakarta.annotation.Resource;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code /api/v1/audit}: the audit log for holders of {@code view-audit}. Entries newest first with
 * filters, the chain's verification, and an export in chain order as JSON lines for a SIEM.
 */
@Path("/v1/audit")
@ApplicationScoped
public class AuditResource {

  static final String NDJSON = "application/x-ndjson";

  private static final HexFormat HEX = HexFormat.of();

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CompiledObjects objects;
  @Inject private Clock clock;
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
    AuditQuery query = AuditQuery.of(user, object, record, action, from, to, limit, cursor);
    Locale locale = RequestLocale.of(headers);
    ObjectNode page =
        work(connection -> reader(allowed(connection), locale).page(connection, query));
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
    Optional<AuditVerifier.Head> known = head(head);
    Locale locale = RequestLocale.of(headers);
    AuditVerifier.Verification result =
        work(
            connection -> {
              allowed(connection);
              return AuditVerifier.verify(connection, known);
            });
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
    long position = position(after);
    Actor actor = actor();
    Locale locale = RequestLocale.of(headers);
    work(this::allowed);
    try {
      Transactions.run(
          dataSource,
          connection ->
              AuditLog.append(
                  connection,
                  actor.audit(OffsetDateTime.now(clock), "audit.export").with("after", position)));
    } catch (SQLException e) {
      throw new IllegalStateException("the audit export could not be recorded", e);
    }
    StreamingOutput stream =
        out -> {
          try {
            Transactions.run(
                dataSource,
                connection -> {
                  // the evaluator reads on the connection it was made on: make it on this one
                  reader(allowed(connection), locale)
                      .sealedAfter(connection, position, entry -> line(out, entry));
                  return null;
                });
          } catch (SQLException e) {
            throw new IllegalStateException("the audit export failed in the database", e);
          }
        };
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
    String[] parts = head.split(":", 2);
    try {
      long position = Long.parseLong(parts[0]);
      byte[] hash = HEX.parseHex(parts[1]);
      if (position > 0 && hash.length == 32) {
        return Optional.of(new AuditVerifier.Head(position, hash));
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // refused below
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

  private AuditReader reader(AccessEvaluator evaluator, Locale locale) {
    CompiledObjects.Snapshot snapshot = objects.current();
    // an object's access is decided once per request, not once per value
    Map<String, Optional<ObjectAccess>> access = new HashMap<>();
    return new AuditReader(
        (object, field) ->
            access
                .computeIfAbsent(
                    object, name -> snapshot.object(name).map(o -> evaluator.on(o.definition())))
                .map(a -> visible(a, field))
                .orElse(true),
        action -> Messages.text(action, locale));
  }

  /**
   * A field's values are shown to whoever may see the field. Other values of a record event (an
   * export's filter or search text, which may quote any field) only to whoever may see every field
   * of the object. Values of objects that no longer exist are shown to every reader of the audit.
   */
  private static boolean visible(ObjectAccess access, String field) {
    return access.visible(field) || access.seesEveryField();
  }

  /** The reader's evaluator, once they hold {@code view-audit}; 403 otherwise. */
  private AccessEvaluator allowed(Connection connection) throws SQLException {
    AccessEvaluator evaluator = objects.current().evaluator(connection, actor(), clock);
    if (!evaluator.holds(SystemPermission.VIEW_AUDIT)) {
      throw AccessDeniedException.system(SystemPermission.VIEW_AUDIT.json());
    }
    return evaluator;
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }

  private <T> T work(Transactions.Work<T> work) {
    try {
      return Transactions.read(dataSource, work);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the audit failed in the database", e);
    }
  }
}
