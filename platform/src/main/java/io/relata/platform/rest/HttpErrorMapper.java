package io.relata.platform.rest;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own refusals (unknown path, wrong method, wrong content type) into
 * problem documents, so that clients see one error format whatever refused them.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException error) {
    Response.StatusType status = error.getResponse().getStatusInfo();
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return UnexpectedErrorMapper.incident(error, RequestLocale.of(headers));
    }
    String code;
    String type;
    Object[] args = {};
    if (error instanceof NotFoundException) {
      code = "problem.not-found";
      type = "not-found";
      args = new Object[] {uri == null ? "" : uri.getRequestUri().getRawPath()};
    } else if (error instanceof NotAllowedException) {
      code = "problem.method-not-allowed";
      type = "method-not-allowed";
    } else if (error instanceof NotSupportedException) {
      code = "problem.unsupported-media-type";
      type = "unsupported-media-type";
    } else if (error instanceof NotAcceptableException) {
      code = "problem.not-acceptable";
      type = "not-acceptable";
    } else {
      code = "problem.http";
      type = "http";
    }
    Response problem = ProblemResponses.of(status, type, code, RequestLocale.of(headers), args);
    String allow = error.getResponse().getHeaderString("Allow");
    return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
  }
}
