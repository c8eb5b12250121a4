package io.relata.platform.rest;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/**
 * 409: the request would delete data; repeat it with {@code confirm=true} after reading the plan,
 * which the problem document carries as its {@code plan} member.
 */
public class ConfirmationRequiredException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient JsonValue plan;

  public ConfirmationRequiredException(JsonValue plan) {
    super("problem.confirmation-required");
    this.plan = plan;
  }

  @Override
  public Status status() {
    return Status.CONFLICT;
  }

  @Override
  public String type() {
    return "confirmation-required";
  }

  @Override
  public Map<String, JsonValue> extensions() {
    return Map.of("plan", plan);
  }
}
