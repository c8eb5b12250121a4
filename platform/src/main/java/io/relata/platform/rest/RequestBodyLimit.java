package io.relata.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps every request body at {@value #MAX_BODY} bytes, before any resource reads it: a declared
 * length above it is refused at once (413), and a body that runs past it without declaring its
 * length is cut off with the same answer. Imports are the exception: a file of a million rows is
 * what they are for, and they stream it a batch at a time.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimit implements ContainerRequestFilter {

  /** Far above any record, metadata document or bulk request; far below what hurts a server. */
  public static final long MAX_BODY = 4L * 1024 * 1024;

  /** The one endpoint whose bodies are files of any size: a record import. */
  private static final java.util.regex.Pattern IMPORT =
      java.util.regex.Pattern.compile("/?v1/records/[^/]+/import");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity()
        || ("POST".equals(request.getMethod())
            && IMPORT.matcher(request.getUriInfo().getPath()).matches())) {
      return;
    }
    if (request.getLength() > MAX_BODY) {
      throw new PayloadTooLargeException(MAX_BODY);
    }
    request.setEntityStream(new Capped(request.getEntityStream(), MAX_BODY));
  }

  /** A stream that refuses to be read beyond {@code limit} bytes. */
  private static final class Capped extends FilterInputStream {
    private long left;
    private final long limit;

    Capped(InputStream in, long limit) {
      super(in);
      this.left = limit;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new PayloadTooLargeException(limit);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        left -= n;
        if (left < 0) {
          throw new PayloadTooLargeException(limit);
        }
      }
      return n;
    }
  }
}
