package io.relata.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.relata.platform.openapi.OpenApiDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * "Nothing goes undescribed or misdescribed": every answer the suite receives through {@link
 * ApiClient} is checked against the OpenAPI document the server serves to the same caller. The
 * operation is found by method and path (a literal segment before a parameter, as OpenAPI matches);
 * the answer's status must be listed for it, its media type listed for that status, and a JSON body
 * must validate against the schema for both. A request to no described operation must get a
 * problem: 404 or 405, as the server gives for unknown paths and methods, or 403 on the records of
 * an object the caller may not read (their document leaves it out, as describing does).
 *
 * <p>Documents are cached per token. A document can be stale (the metadata changed since it was
 * fetched), so a failed check fetches the caller's document again and decides on that one. A caller
 * without a token, or whose token no longer works, is checked against the last document fetched.
 */
public final class OpenApiConformance {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Map<String, Document> BY_TOKEN = new ConcurrentHashMap<>();
  private static volatile Document latest;

  private OpenApiConformance() {}

  /**
   * Checks one answer; throws {@link AssertionError} naming what the document does not describe.
   *
   * @param base the application's root, ending in a slash
   * @param path the request's path and query, relative to {@code base}
   */
  public static void check(
      URI base, String token, String method, String path, HttpResponse<String> answer) {
    Document document = cached(base, token);
    List<String> problems = document.check(method, path, answer);
    if (problems.isEmpty()) {
      return;
    }
    Optional<Document> fresh = fetch(base, token);
    if (fresh.isPresent()) {
      problems = fresh.get().check(method, path, answer);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          method
              + " "
              + path
              + " answered "
              + answer.statusCode()
              + " not as /api/v1/openapi.json describes: "
              + problems
              + "\n"
              + answer.body());
    }
  }

  /** Checks an answer against {@code document}, an OpenAPI document; the problems found. */
  public static List<String> check(
      JsonNode document, String method, String path, int status, String type, String body) {
    return new Document(document).check(method, path, status, type, body);
  }

  private static Document cached(URI base, String token) {
    Document document = token == null ? null : BY_TOKEN.get(token);
    if (document != null) {
      return document;
    }
    Optional<Document> fetched = fetch(base, token);
    if (fetched.isPresent()) {
      return fetched.get();
    }
    Document last = latest;
    return last != null ? last : Fixed.DOCUMENT;
  }

  private static Optional<Document> fetch(URI base, String token) {
    if (token == null) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> served =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("api/v1/openapi.json"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (served.statusCode() != 200) {
        return Optional.empty();
      }
      Document document = new Document(JSON.readTree(served.body()));
      BY_TOKEN.put(token, document);
      latest = document;
      return Optional.of(document);
    } catch (IOException e) {
      throw new AssertionError("the OpenAPI document could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The document of the fixed endpoints, for anonymous requests before any was served. */
  private static final class Fixed {
    static final Document DOCUMENT = new Document(OpenApiDocument.of(0, List.of(), "test"));
  }

  /** One served document, with its schemas compiled as they are needed. */
  private static final class Document {

    private final JsonNode openApi;
    private final ObjectNode components;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    Document(JsonNode openApi) {
      this.openApi = openApi;
      this.components = NODES.objectNode();
      components.set("schemas", jsonSchema(openApi.path("components").path("schemas")));
    }

    List<String> check(String method, String path, HttpResponse<String> answer) {
      String type = answer.headers().firstValue("Content-Type").orElse(null);
      return check(method, path, answer.statusCode(), type, answer.body());
    }

    List<String> check(String method, String path, int status, String type, String body) {
      String verb = method.toLowerCase(Locale.ROOT);
      if (!OpenApiDocument.METHODS.contains(verb)) {
        return List.of();
      }
      Optional<JsonNode> operation = operation(verb, path);
      if (operation.isEmpty()) {
        if (status == 404 || status == 405 || (status == 403 && hidden(path))) {
          return validate("#/components/schemas/Problem", body, "problem");
        }
        return List.of("no operation " + method + " " + stripQuery(path) + " is described");
      }
      JsonNode response = operation.get().path("responses").path(Integer.toString(status));
      if (response.isMissingNode()) {
        return List.of("status " + status + " is not described");
      }
      if (response.has("$ref")) {
        response = openApi.at(response.get("$ref").textValue().substring(1));
      }
      JsonNode content = response.path("content");
      if (content.isMissingNode() || content.isEmpty()) {
        return body == null || body.isEmpty()
            ? List.of()
            : List.of("status " + status + " is described without a body");
      }
      String mediaType = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
      JsonNode described = content.path(mediaType);
      if (described.isMissingNode()) {
        return List.of("media type " + type + " is not described for " + status);
      }
      if (!(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
        return List.of();
      }
      String key =
          operation.get().path("operationId").asText()
              + " "
              + status
              + " "
              + mediaType
              + " "
              + described.path("schema");
      JsonSchema schema =
          compiled.computeIfAbsent(key, k -> compile(described.path("schema").deepCopy()));
      return validate(schema, body);
    }

    private List<String> validate(String ref, String body, String key) {
      JsonSchema schema =
          compiled.computeIfAbsent(key, k -> compile(NODES.objectNode().put("$ref", ref)));
      return validate(schema, body);
    }

    private static List<String> validate(JsonSchema schema, String body) {
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        return List.of("the body is not JSON");
      }
      Set<ValidationMessage> errors = schema.validate(json);
      return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toList());
    }

    private JsonSchema compile(JsonNode openApiSchema) {
      ObjectNode root = (ObjectNode) jsonSchema(openApiSchema);
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      root.set("components", components);
      return SCHEMAS.getSchema(root, CONFIG);
    }

    /**
     * The operation for a path, preferring literal segments to parameters, left to right; as
     * JAX-RS, which answers 405 rather than trying a less literal path for the method.
     */
    private Optional<JsonNode> operation(String verb, String path) {
      String[] segments = ("/" + stripQuery(path)).split("/", -1);
      String best = null;
      String bestRank = null;
      for (Iterator<String> it = openApi.path("paths").fieldNames(); it.hasNext(); ) {
        String template = it.next();
        String[] parts = template.split("/", -1);
        if (parts.length != segments.length) {
          continue;
        }
        StringBuilder rank = new StringBuilder();
        boolean matches = true;
        for (int i = 0; i < parts.length && matches; i++) {
          boolean parameter = parts[i].startsWith("{") && parts[i].endsWith("}");
          matches = parameter ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
          rank.append(parameter ? '0' : '1');
        }
        if (matches && (bestRank == null || rank.toString().compareTo(bestRank) > 0)) {
          best = template;
          bestRank = rank.toString();
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      JsonNode operation = openApi.path("paths").path(best).path(verb);
      return operation.isMissingNode() ? Optional.empty() : Optional.of(operation);
    }

    /** The records of an object, which a caller who may not read it is not told of. */
    private static boolean hidden(String path) {
      return stripQuery(path).startsWith("api/v1/records/");
    }

    private static String stripQuery(String path) {
      int query = path.indexOf('?');
      String bare = query < 0 ? path : path.substring(0, query);
      bare = bare.startsWith("/") ? bare.substring(1) : bare;
      return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }
  }

  /**
   * An OpenAPI 3.0 schema as a JSON Schema, strictly: {@code nullable: true} adds {@code null} to
   * the type beside it; an enumeration must list null itself, and a nullable without a type allows
   * nothing more, so that a document only lenient tools would read fails here.
   */
  static JsonNode jsonSchema(JsonNode schema) {
    if (schema.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      schema.forEach(element -> copy.add(jsonSchema(element)));
      return copy;
    }
    if (!schema.isObject()) {
      return schema.deepCopy();
    }
    ObjectNode copy = NODES.objectNode();
    List<String> names = new ArrayList<>();
    schema.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      // nullable is a keyword where it is a boolean; elsewhere it is a field called nullable
      if (!(name.equals("nullable") && schema.get(name).isBoolean())) {
        copy.set(name, jsonSchema(schema.get(name)));
      }
    }
    // as OpenAPI 3.0.3 reads it: nullable adds null to the types beside it, and to nothing else
    if (schema.path("nullable").asBoolean(false) && copy.path("type").isTextual()) {
      String type = copy.get("type").textValue();
      copy.putArray("type").add(type).add("null");
    }
    return copy;
  }
}
