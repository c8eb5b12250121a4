package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The problem answers an operation gives because of its shape, not its purpose, so that the
 * fragments need not repeat them: 406 for any operation (an Accept it cannot meet) and 500 (an
 * incident, which a client's request never should cause); 401 for one that needs a token, and 403
 * too if it writes (a read-only token may not); 400 for one that reads parameters or a body; 413
 * and 415 for one that reads a body. The fragments list the others (403, 404, 409, 429) where they
 * can happen for the operation's own reasons.
 */
final class ProblemAnswers {

  private ProblemAnswers() {}

  static void add(ObjectNode doc) {
    boolean securedByDefault = !doc.path("security").isEmpty();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      JsonNode path = paths.next().getValue();
      boolean pathParameters = !path.path("parameters").isEmpty();
      for (String method : OpenApiDocument.METHODS) {
        if (!(path.get(method) instanceof ObjectNode operation)) {
          continue;
        }
        ObjectNode responses = operation.withObject("responses");
        boolean secured =
            operation.has("security") ? !operation.get("security").isEmpty() : securedByDefault;
        boolean body = operation.has("requestBody");
        answer(responses, "406", "NotAcceptable");
        answer(responses, "500", "Incident");
        if (secured) {
          answer(responses, "401", "Unauthorized");
          if (!method.equals("get")) {
            answer(responses, "403", "Forbidden");
          }
        }
        if (body || pathParameters || !operation.path("parameters").isEmpty()) {
          answer(responses, "400", "BadRequest");
        }
        if (body) {
          answer(responses, "413", "PayloadTooLarge");
          answer(responses, "415", "UnsupportedMediaType");
        }
      }
    }
  }

  private static void answer(ObjectNode responses, String status, String response) {
    if (!responses.has(status)) {
      responses.putObject(status).put("$ref", "#/components/responses/" + response);
    }
  }
}
