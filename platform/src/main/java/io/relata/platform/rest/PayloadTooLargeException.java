package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;

/** 413: the request body is larger than this endpoint reads. */
public class PayloadTooLargeException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("problem.too-large", limit);
  }

  @Override
  public Status status() {
    return Status.REQUEST_ENTITY_TOO_LARGE;
  }

  @Override
  public String type() {
    return "too-large";
  }
}
