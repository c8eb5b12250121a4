package io.relata.platform.access;

import io.relata.platform.rest.ProblemException;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * 403: the user may not do this. Only for what the user may already know exists — an object, or a
 * record they can see; a record they cannot see is a 404.
 */
public class AccessDeniedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  private AccessDeniedException(String code, List<Violation> violations, Object... args) {
    super(code, args);
    this.violations = List.copyOf(violations);
  }

  /** The user lacks {@code operation} ({@code create}, {@code read}, ...) on the object. */
  public static AccessDeniedException object(String operation, String object) {
    return new AccessDeniedException("problem.access-object", List.of(), operation, object);
  }

  /** The user may see the record but not change it this way. */
  public static AccessDeniedException record(String operation, String object) {
    return new AccessDeniedException("problem.access-record", List.of(), operation, object);
  }

  /** The request writes fields the user may not write; each is a violation at its pointer. */
  public static AccessDeniedException fields(List<String> fields) {
    return new AccessDeniedException(
        "problem.access-fields",
        fields.stream()
            .map(f -> new Violation("/" + f, "access.field-not-writable", List.of(f)))
            .toList());
  }

  /** The user lacks a system permission, such as {@code manage-users}. */
  public static AccessDeniedException system(String permission) {
    return new AccessDeniedException("problem.access-system", List.of(), permission);
  }

  @Override
  public Status status() {
    return Status.FORBIDDEN;
  }

  @Override
  public String type() {
    return "forbidden";
  }

  @Override
  public List<Violation> violations() {
    return violations;
  }
}
