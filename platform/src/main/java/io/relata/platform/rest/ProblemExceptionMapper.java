package io.relata.platform.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link ProblemException} with its problem document. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(ProblemException problem) {
    return ProblemResponses.of(problem, RequestLocale.of(headers));
  }
}
