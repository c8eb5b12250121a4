package io.relata.platform.rest;

import io.relata.platform.message.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders RFC 9457 problem documents: the only code that writes an error body. */
public final class ProblemResponses {

  /** The media type of every error answer. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final String TYPE_PREFIX = "urn:relata:problem:";

  private ProblemResponses() {}

  /** The answer for a {@link ProblemException}. */
  public static Response of(ProblemException problem, Locale locale) {
    return build(
        problem.status(),
        problem.type(),
        problem.code(),
        problem.args(),
        problem.violations(),
        problem.headers(),
        problem.extensions(),
        locale);
  }

  /** An answer without violations, for failures raised outside our resources. */
  public static Response of(
      StatusType status, String type, String code, Locale locale, Object... args) {
    return build(status, type, code, args, List.of(), Map.of(), Map.of(), locale);
  }

  private static Response build(
      StatusType status,
      String type,
      String code,
      Object[] args,
      List<ProblemException.Violation> violations,
      Map<String, String> headers,
      Map<String, jakarta.json.JsonValue> extensions,
      Locale locale) {
    JsonObjectBuilder body =
        JsonBuilders.object()
            .add("type", TYPE_PREFIX + type)
            .add("title", Messages.text(code + ".title", locale, args))
            .add("status", status.getStatusCode());
    String detail = Messages.text(code + ".detail", locale, args);
    if (!detail.equals(code + ".detail")) {
      body.add("detail", detail);
    }
    if (!violations.isEmpty()) {
      JsonArrayBuilder errors = JsonBuilders.array();
      for (ProblemException.Violation v : violations) {
        errors.add(
            JsonBuilders.object()
                .add("pointer", v.pointer())
                .add("code", v.code())
                .add("message", Messages.text(v.code(), locale, v.args().toArray())));
      }
      body.add("errors", errors);
    }
    extensions.forEach(body::add);
    Response.ResponseBuilder response =
        Response.status(status).type(PROBLEM_JSON).entity(body.build().toString());
    headers.forEach(response::header);
    return response.build();
  }
}
