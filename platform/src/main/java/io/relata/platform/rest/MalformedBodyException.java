package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;

/** 400: the request body is not JSON, or not JSON of the shape the endpoint reads. */
public class MalformedBodyException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public MalformedBodyException() {
    super("problem.malformed-json");
  }

  @Override
  public Status status() {
    return Status.BAD_REQUEST;
  }

  @Override
  public String type() {
    return "malformed-json";
  }
}
