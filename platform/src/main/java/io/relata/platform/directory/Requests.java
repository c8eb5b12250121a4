package io.relata.platform.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the directory's requests: bodies checked against their schema, limits, ids. */
final class Requests {

  static final MetaSchema NEW_USER = MetaSchema.load(Requests.class, "user.schema.json");
  static final MetaSchema USER_CHANGE = MetaSchema.load(Requests.class, "user-change.schema.json");
  static final MetaSchema GROUP = MetaSchema.load(Requests.class, "group.schema.json");

  private static final long MAX_BODY = 64 * 1024;

  private Requests() {}

  /** The body as JSON that fits {@code schema}; 400 with every problem otherwise. */
  static JsonNode body(InputStream body, MetaSchema schema) {
    return check(read(body), schema);
  }

  /** The body as JSON, not checked yet. */
  static JsonNode read(InputStream body) {
    return JsonCodec.read(body, MAX_BODY);
  }

  /** {@code json} when it fits {@code schema}; 400 with every problem otherwise. */
  static JsonNode check(JsonNode json, MetaSchema schema) {
    List<Problem> problems = schema.check(json);
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of(problems);
    }
    return json;
  }

  /** {@code limit}: 1 to 200, 50 when absent. */
  static int limit(String limit) {
    return ListLimit.parse(limit);
  }

  /** The array of names at {@code member}, when the body has it. */
  static Optional<List<String>> names(JsonNode body, String member) {
    if (!body.has(member)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    body.get(member).forEach(n -> names.add(n.asText()));
    return Optional.of(names);
  }
}
