package io.relata.platform.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.ImportRow;
import io.relata.platform.record.QueryParameters;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.RequestLocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/records/{object}/import}: records from a CSV or NDJSON file, each through the
 * write pipeline; the progress of an import is at {@link ImportJobResource}. A client may name the
 * job ({@code ?job=<uuid>}) to follow its progress while it runs, and to resume it with the same
 * file after an interruption.
 */
@Path("/v1/records/{object}/import")
@ApplicationScoped
public class ImportResource {

  @Inject private RecordService records;
  @Inject private Imports imports;
  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  @POST
  @Consumes({
    TransferMedia.CSV,
    TransferMedia.NDJSON,
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Produces(MediaType.APPLICATION_JSON)
  public Response importRecords(
      @PathParam("object") String object,
      @QueryParam("format") String format,
      @QueryParam("mode") String mode,
      @QueryParam("dryRun") String dryRun,
      @QueryParam("upsertBy") String upsertBy,
      @QueryParam("delimiter") String delimiter,
      @QueryParam("encoding") String encoding,
      @QueryParam("decimal") String decimal,
      @QueryParam("mapping") String mapping,
      @QueryParam("job") String job,
      InputStream body)
      throws IOException {
    records.object(object);
    boolean csv = TransferParameters.csv(format);
    boolean allOrNothing = !"best-effort".equals(mode);
    if (mode != null && !mode.equals("best-effort") && !mode.equals("all-or-nothing")) {
      throw QueryParameters.invalid("mode", "import.mode");
    }
    boolean dry = TransferParameters.flag("dryRun", dryRun);
    UUID id = job == null ? UUID.randomUUID() : jobId(job);
    Imports.Settings settings =
        new Imports.Settings(allOrNothing, dry, Optional.ofNullable(upsertBy));
    // the right first, before the body is read
    imports.admit(actor(), object, settings);
    Iterator<ImportRow> rows =
        csv
            ? CsvSource.open(
                body,
                records.object(object),
                new CsvOptions(
                    TransferParameters.delimiter(delimiter),
                    charset(encoding),
                    decimal(decimal),
                    mapping(mapping)))
            : new NdjsonSource(new BufferedInputStream(body, 64 * 1024));
    Imports.Outcome result = imports.run(actor(), object, rows, settings, id);
    ObjectNode answer = JsonCodec.object();
    answer.put("job", id.toString());
    answer.put("status", result.completed() ? "completed" : "failed");
    answer.put("mode", allOrNothing ? "all-or-nothing" : "best-effort");
    answer.put("dryRun", dry);
    answer
        .putObject("rows")
        .put("skipped", result.skipped())
        .put("read", result.read())
        .put("written", result.written())
        .put("failed", result.failed());
    ArrayNode errors = answer.putArray("errors");
    Locale locale = RequestLocale.of(headers);
    result.errors().forEach(e -> errors.add(ImportJobs.json(e, locale)));
    return Response.ok(JsonCodec.text(answer), MediaType.APPLICATION_JSON)
        .header("Location", "/api/v1/imports/" + id)
        .build();
  }

  private static Optional<Charset> charset(String encoding) {
    if (encoding == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(encoding));
    } catch (IllegalArgumentException e) {
      throw QueryParameters.invalid("encoding", "import.encoding-name", encoding);
    }
  }

  private static Optional<Boolean> decimal(String decimal) {
    if (decimal == null) {
      return Optional.empty();
    }
    if (!decimal.equals("comma") && !decimal.equals("point")) {
      throw QueryParameters.invalid("decimal", "import.decimal");
    }
    return Optional.of(decimal.equals("comma"));
  }

  private static Map<String, String> mapping(String mapping) {
    if (mapping == null) {
      return Map.of();
    }
    JsonNode json;
    try {
      json =
          JsonCodec.read(
              new java.io.ByteArrayInputStream(
                  mapping.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              64 * 1024);
    } catch (ProblemException e) {
      throw QueryParameters.invalid("mapping", "import.mapping");
    }
    if (!json.isObject()) {
      throw QueryParameters.invalid("mapping", "import.mapping");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (var fields = json.fields(); fields.hasNext(); ) {
      var entry = fields.next();
      if (!entry.getValue().isTextual()) {
        throw QueryParameters.invalid("mapping", "import.mapping");
      }
      result.put(entry.getKey(), entry.getValue().textValue());
    }
    return result;
  }

  private static UUID jobId(String job) {
    return PathIds.uuid(job).orElseThrow(() -> QueryParameters.invalid("job", "import.job"));
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
