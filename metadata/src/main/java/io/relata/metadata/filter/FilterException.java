package io.relata.metadata.filter;

import io.relata.metadata.validation.Problem;

/** A filter that cannot be parsed; carries the problem, with where it was found. */
public final class FilterException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public FilterException(Problem problem) {
    super(problem.code(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
