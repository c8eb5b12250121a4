package io.relata.platform.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/**
 * A failure that the client caused or must know about, answered as an RFC 9457 problem. Each
 * subtype fixes its HTTP status and problem type; the text comes from the message bundle by code.
 */
public abstract class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient Object[] args;

  protected ProblemException(String code, Object... args) {
    super(code, null, false, false);
    this.code = code;
    this.args = args.clone();
  }

  /** The HTTP status of the answer. */
  public abstract Status status();

  /** The last part of the problem type URI, {@code urn:relata:problem:<type>}. */
  public abstract String type();

  /**
   * The message code of the title; {@code <code>.title} and {@code <code>.detail} in the bundle.
   */
  public String code() {
    return code;
  }

  /** The arguments of the detail message. */
  public Object[] args() {
    return args.clone();
  }

  /** Violations of single parts of the request, each with a JSON pointer. */
  public List<Violation> violations() {
    return List.of();
  }

  /** Extension members of the problem document (RFC 9457, section 3.2). */
  public Map<String, jakarta.json.JsonValue> extensions() {
    return Map.of();
  }

  /** Extra response headers (for example {@code WWW-Authenticate}). */
  public Map<String, String> headers() {
    return Map.of();
  }

  /**
   * One offending part of a request.
   *
   * @param pointer JSON pointer (RFC 6901) into the request body, or the name of a parameter
   * @param code message code of the violated rule
   * @param args arguments of its message
   */
  public record Violation(String pointer, String code, List<Object> args) {}
}
