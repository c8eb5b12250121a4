package io.relata.platform.search;

import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.InvalidRequestException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/search?q=&objects=&limit=}: ranked hits across objects. */
@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class SearchResource {

  @Inject private RecordService records;
  @Context private SecurityContext security;

  @GET
  public String search(
      @QueryParam("q") String q,
      @QueryParam("objects") String objects,
      @QueryParam("limit") String limit) {
    if (q == null) {
      throw new InvalidRequestException(List.of(new Violation("q", "search.empty", List.of())));
    }
    int max;
    try {
      max = limit == null ? 20 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          List.of(new Violation("limit", "query.limit", List.of(100))));
    }
    return JsonCodec.text(
        records.search(
            (Actor) security.getUserPrincipal(),
            q,
            Optional.ofNullable(objects)
                .map(o -> Arrays.stream(o.split(",")).map(String::strip).toList()),
            max));
  }
}
