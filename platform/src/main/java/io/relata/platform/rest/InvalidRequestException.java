package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** 400: the request is malformed or breaks a rule; lists every violation found. */
public class InvalidRequestException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super("problem.validation");
    this.violations = List.copyOf(violations);
  }

  /**
   * The problems a JSON Schema (or another metadata check) found in the body, at their pointers.
   */
  public static InvalidRequestException of(List<io.relata.metadata.problem.Problem> problems) {
    return new InvalidRequestException(
        problems.stream()
            .map(p -> new Violation(p.pointer(), p.code(), List.copyOf(p.args())))
            .toList());
  }

  @Override
  public Status status() {
    return Status.BAD_REQUEST;
  }

  @Override
  public String type() {
    return "validation";
  }

  @Override
  public List<Violation> violations() {
    return violations;
  }
}
