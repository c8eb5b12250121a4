package io.relata.platform.transfer;

import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.QueryParameters;
import io.relata.platform.record.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/records/{object}/export}: the records a filter matches, as the caller may read
 * them, streamed as CSV or NDJSON.
 */
@Path("/v1/records/{object}/export")
@ApplicationScoped
public class ExportResource {

  @Inject private RecordService records;
  @Context private SecurityContext security;

  @GET
  @Produces({TransferMedia.CSV, TransferMedia.NDJSON})
  public Response export(
      @PathParam("object") String object,
      @QueryParam("format") String format,
      @QueryParam("filter") String filter,
      @QueryParam("q") String search,
      @QueryParam("sort") String sort,
      @QueryParam("fields") String fields,
      @QueryParam("delimiter") String delimiter,
      @QueryParam("bom") String bom) {
    records.object(object);
    boolean csv = TransferParameters.csv(format);
    char separator = TransferParameters.delimiter(delimiter).orElse(',');
    boolean withBom = TransferParameters.flag("bom", bom);
    RecordQuery query =
        new RecordQuery(
            Optional.ofNullable(filter).map(QueryParameters::filter),
            Optional.ofNullable(search),
            Optional.ofNullable(sort),
            Optional.ofNullable(fields).map(QueryParameters::names),
            RecordQuery.MAX_LIMIT,
            Optional.empty(),
            List.of(),
            false);
    Actor actor = actor();
    StreamingOutput stream =
        out -> {
          if (csv) {
            CsvExport export = new CsvExport(out, separator, withBom);
            records.export(actor, object, query, export);
            export.finish();
          } else {
            records.export(actor, object, query, new NdjsonExport(out));
          }
        };
    String file = object + (csv ? ".csv" : ".ndjson");
    return Response.ok(stream, csv ? TransferMedia.CSV + "; charset=UTF-8" : TransferMedia.NDJSON)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  private Actor actor() {
    return (Actor) security.getUserPrincipal();
  }
}
