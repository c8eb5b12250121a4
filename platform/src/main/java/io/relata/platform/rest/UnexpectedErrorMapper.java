package io.relata.platform.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything not mapped otherwise is our fault, logged in full under an incident id
 * and answered with that id only.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable error) {
    return incident(error, RequestLocale.of(headers));
  }

  static Response incident(Throwable error, Locale locale) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, error);
    return ProblemResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR, "internal", "problem.internal", locale, incident);
  }
}
