package io.relata.platform.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
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
 * The last line: a body that is not JSON of the expected shape is the client's fault (400);
 * anything else is ours, logged in full under an incident id and answered with that id only.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable error) {
    Locale locale = RequestLocale.of(headers);
    if (isUnreadableBody(error)) {
      return ProblemResponses.of(
          Response.Status.BAD_REQUEST, "malformed-json", "problem.malformed-json", locale);
    }
    return incident(error, locale);
  }

  static Response incident(Throwable error, Locale locale) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, error);
    return ProblemResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR, "internal", "problem.internal", locale, incident);
  }

  /** JSON-B and JSON-P failures surface wrapped in the JAX-RS runtime's own exceptions. */
  private static boolean isUnreadableBody(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return true;
      }
    }
    return false;
  }
}
