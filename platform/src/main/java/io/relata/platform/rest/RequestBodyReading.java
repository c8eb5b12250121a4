package io.relata.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Wraps the reading of every request body: whatever the JSON binding fails with while reading is
 * the client's malformed body (400). Failures anywhere else — writing a response included — stay
 * server errors, logged as incidents.
 */
@Provider
public class RequestBodyReading implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (WebApplicationException e) {
      throw e;
    } catch (ProcessingException
        | jakarta.json.JsonException
        | jakarta.json.bind.JsonbException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof PayloadTooLargeException tooLarge) {
          throw tooLarge; // the body was cut off at the cap, not malformed
        }
      }
      throw new MalformedBodyException();
    }
  }
}
