package io.relata.platform.rest;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/**
 * 409: the request conflicts with the current state — a stale version, a value that must be unique,
 * a record still referred to. May carry the current state as an extension member.
 */
public class ConflictException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;
  private final transient Map<String, JsonValue> extensions;

  public ConflictException(
      String code, List<Violation> violations, Map<String, JsonValue> extensions, Object... args) {
    super(code, args);
    this.violations = List.copyOf(violations);
    this.extensions = Map.copyOf(extensions);
  }

  @Override
  public Status status() {
    return Status.CONFLICT;
  }

  @Override
  public String type() {
    return "conflict";
  }

  @Override
  public List<Violation> violations() {
    return violations;
  }

  @Override
  public Map<String, JsonValue> extensions() {
    return extensions;
  }
}
