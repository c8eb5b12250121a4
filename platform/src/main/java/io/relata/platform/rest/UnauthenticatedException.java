package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/** 401: no credentials, or credentials that do not identify an active user. */
public class UnauthenticatedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** Missing, unknown, expired or revoked token. */
  public UnauthenticatedException() {
    super("problem.unauthenticated");
  }

  /** A specific reason, for example {@code problem.invalid-credentials}. */
  public UnauthenticatedException(String code) {
    super(code);
  }

  @Override
  public Status status() {
    return Status.UNAUTHORIZED;
  }

  @Override
  public String type() {
    return "unauthenticated";
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("WWW-Authenticate", "Bearer realm=\"relata\"");
  }
}
