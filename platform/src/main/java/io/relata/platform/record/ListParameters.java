package io.relata.platform.record;

import io.relata.platform.query.RecordQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * The query parameters of a list ({@code filter}, {@code q}, {@code sort}, {@code fields}, {@code
 * limit}, {@code cursor}, {@code expand}, {@code total}), for every endpoint that answers one. Read
 * from the request's query string rather than as a JAX-RS bean parameter, which Jersey resolves
 * anew on every request.
 */
final class ListParameters {

  private ListParameters() {}

  /** The request, checked as far as it can be without the object. */
  static RecordQuery query(UriInfo uri) {
    MultivaluedMap<String, String> parameters = uri.getQueryParameters();
    return QueryParameters.of(
        parameters.getFirst("filter"),
        parameters.getFirst("q"),
        parameters.getFirst("sort"),
        parameters.getFirst("fields"),
        parameters.getFirst("limit"),
        parameters.getFirst("cursor"),
        parameters.getFirst("expand"),
        parameters.getFirst("total"));
  }
}
