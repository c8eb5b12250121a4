package io.relata.platform.identity;

import io.relata.platform.rest.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** 403: the request would write, and its API token was issued for reading only. */
public class ReadOnlyTokenException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public ReadOnlyTokenException() {
    super("problem.read-only-token");
  }

  @Override
  public Status status() {
    return Status.FORBIDDEN;
  }

  @Override
  public String type() {
    return "forbidden";
  }
}
