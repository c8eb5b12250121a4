package io.relata.platform.record;

import io.relata.platform.query.RecordQuery;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a list ({@code filter}, {@code q}, {@code sort}, {@code fields}, {@code
 * limit}, {@code cursor}, {@code expand}, {@code total}), for every endpoint that answers one.
 */
public class ListParameters {

  @QueryParam("filter")
  private String filter;

  @QueryParam("q")
  private String search;

  @QueryParam("sort")
  private String sort;

  @QueryParam("fields")
  private String fields;

  @QueryParam("limit")
  private String limit;

  @QueryParam("cursor")
  private String cursor;

  @QueryParam("expand")
  private String expand;

  @QueryParam("total")
  private String total;

  /** The request, checked as far as it can be without the object. */
  RecordQuery query() {
    return QueryParameters.of(filter, search, sort, fields, limit, cursor, expand, total);
  }
}
