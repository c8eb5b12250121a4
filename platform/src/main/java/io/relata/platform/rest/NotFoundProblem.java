package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;

/** 404: there is no such resource, or the caller may not know that there is. */
public class NotFoundProblem extends ProblemException {

  private static final long serialVersionUID = 1L;

  public NotFoundProblem(String path) {
    super("problem.not-found", path);
  }

  @Override
  public Status status() {
    return Status.NOT_FOUND;
  }

  @Override
  public String type() {
    return "not-found";
  }
}
