package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.schema.RecordSchema;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the OpenAPI 3.0 document of one metadata revision. Per object: the record schema as read
 * ({@code Deal}), as created ({@code DealInput}, required fields required), as changed ({@code
 * DealChanges}), a page of them ({@code DealList}), and the operations on them, tagged with the
 * object so that generators make one API class per object. References are typed as ids: {@code
 * ?expand=} (which replaces ids with objects) is left to untyped clients.
 */
public final class OpenApiDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private OpenApiDocument() {}

  /**
   * The document of {@code objects} (as one reader sees them) of metadata revision {@code
   * revision}.
   */
  public static ObjectNode of(
      long revision, java.util.Collection<ObjectDefinition> objects, String version) {
    ObjectNode doc = NODES.objectNode().put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", "Relata API")
        .put("version", version + "+metadata." + revision)
        .put(
            "description",
            "Records of the objects defined in metadata revision "
                + revision
                + ". Errors are RFC 9457 problem documents.");
    doc.putArray("servers").addObject().put("url", "/");
    doc.putArray("security").addObject().putArray("bearer");
    ObjectNode components = doc.putObject("components");
    components
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer");
    ObjectNode schemas = components.putObject("schemas");
    fixedSchemas(schemas);
    ObjectNode paths = doc.putObject("paths");
    fixedPaths(paths);
    objects.stream()
        .sorted(Comparator.comparing(ObjectDefinition::name))
        .forEach(object -> object(object, schemas, paths));
    return doc;
  }

  private static void object(ObjectDefinition object, ObjectNode schemas, ObjectNode paths) {
    String type = pascal(object.name());
    ObjectNode record = schemas.putObject(type).put("type", "object").put("title", object.label());
    ObjectNode properties = record.putObject("properties");
    for (FieldDefinition system : SystemFields.of(object)) {
      if (!system.name().equals("deleted_at")) {
        properties.set(system.name(), FieldSchemas.of(object, system).put("readOnly", true));
      }
    }
    ObjectNode input = schemas.putObject(type + "Input").put("type", "object");
    ObjectNode inputProperties = input.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    ObjectNode changes = schemas.putObject(type + "Changes").put("type", "object");
    ObjectNode changeProperties = changes.putObject("properties");
    for (FieldDefinition field : object.fields()) {
      properties.set(field.name(), FieldSchemas.of(object, field));
      if (!field.type().computed()) {
        inputProperties.set(field.name(), FieldSchemas.of(object, field));
        changeProperties.set(field.name(), FieldSchemas.of(object, field));
        if (field.required() && field.defaultValue().isEmpty()) {
          required.add(field.name());
        }
      }
      if (field.type() instanceof io.relata.metadata.definition.FieldType.Currency c
          && c.perRecord()) {
        ObjectNode code = NODES.objectNode().put("type", "string").put("pattern", "^[A-Z]{3}$");
        code.put("nullable", true);
        String name = RecordSchema.currencyOf(field.name());
        properties.set(name, code.deepCopy());
        inputProperties.set(name, code.deepCopy());
        changeProperties.set(name, code);
      }
    }
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    ObjectNode list = schemas.putObject(type + "List").put("type", "object");
    ObjectNode listProperties = list.putObject("properties");
    listProperties
        .putObject("items")
        .put("type", "array")
        .putObject("items")
        .put("$ref", ref(type));
    listProperties.putObject("nextCursor").put("type", "string").put("nullable", true);
    listProperties.putObject("total").put("$ref", ref("Total"));

    String base = "/api/v1/records/" + object.name();
    ObjectNode collection = paths.putObject(base);
    ObjectNode listing = operation(collection, "get", "list" + type, object, "Lists records");
    for (String[] parameter :
        new String[][] {
          {"filter", "string", "A filter in the filter language, e.g. amount >= 1000"},
          {"q", "string", "Words the record's text must contain"},
          {"sort", "string", "Fields, - for descending, e.g. -amount,name"},
          {"fields", "string", "Fields to answer with, comma-separated"},
          {"limit", "integer", "1 to 200, 50 by default"},
          {"cursor", "string", "nextCursor of the previous page"},
          {"total", "boolean", "Whether to count the matches"}
        }) {
      query(listing, parameter[0], parameter[1], parameter[2]);
    }
    answer(listing, "200", type + "List");
    ObjectNode create = operation(collection, "post", "create" + type, object, "Creates a record");
    body(create, type + "Input");
    answer(create, "201", type);

    ObjectNode queryPath = paths.putObject(base + "/query");
    ObjectNode query =
        operation(queryPath, "post", "query" + type, object, "Lists records by a JSON query");
    body(query, "Query");
    answer(query, "200", type + "List");

    ObjectNode one = paths.putObject(base + "/{id}");
    one.putArray("parameters").add(idParameter());
    ObjectNode read = operation(one, "get", "get" + type, object, "Reads a record");
    answer(read, "200", type);
    ObjectNode update =
        operation(one, "patch", "update" + type, object, "Changes fields of a record");
    ifMatch(update);
    body(update, type + "Changes");
    answer(update, "200", type);
    ObjectNode delete =
        operation(one, "delete", "delete" + type, object, "Moves a record to the recycle bin");
    ifMatch(delete);
    delete.withObject("responses").putObject("204").put("description", "Deleted");

    ObjectNode restorePath = paths.putObject(base + "/{id}/restore");
    restorePath.putArray("parameters").add(idParameter());
    answer(
        operation(
            restorePath,
            "post",
            "restore" + type,
            object,
            "Restores a record from the recycle bin"),
        "200",
        type);
  }

  private static ObjectNode operation(
      ObjectNode path, String method, String id, ObjectDefinition object, String summary) {
    ObjectNode operation = path.putObject(method).put("operationId", id).put("summary", summary);
    operation.putArray("tags").add(object.name());
    ObjectNode responses = operation.putObject("responses");
    for (String status : new String[] {"400", "401", "404", "409"}) {
      responses
          .putObject(status)
          .put("description", "A problem")
          .putObject("content")
          .putObject(PROBLEM)
          .putObject("schema")
          .put("$ref", ref("Problem"));
    }
    return operation;
  }

  private static void query(ObjectNode operation, String name, String type, String description) {
    ArrayNode parameters = operation.withArray("parameters");
    ObjectNode parameter =
        parameters.addObject().put("name", name).put("in", "query").put("required", false);
    parameter.put("description", description);
    parameter.putObject("schema").put("type", type);
  }

  private static void ifMatch(ObjectNode operation) {
    ObjectNode parameter =
        operation.withArray("parameters").addObject().put("name", "If-Match").put("in", "header");
    parameter.put("required", false).put("description", "The version (ETag) the change is for");
    parameter.putObject("schema").put("type", "string");
  }

  private static ObjectNode idParameter() {
    ObjectNode id = NODES.objectNode().put("name", "id").put("in", "path").put("required", true);
    id.putObject("schema").put("type", "string").put("format", "uuid");
    return id;
  }

  private static void body(ObjectNode operation, String schema) {
    operation
        .putObject("requestBody")
        .put("required", true)
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", ref(schema));
  }

  private static void answer(ObjectNode operation, String status, String schema) {
    operation
        .withObject("responses")
        .putObject(status)
        .put("description", "OK")
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", ref(schema));
  }

  private static void fixedSchemas(ObjectNode schemas) {
    ObjectNode problem = schemas.putObject("Problem").put("type", "object");
    ObjectNode properties = problem.putObject("properties");
    properties.putObject("type").put("type", "string");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    ObjectNode error =
        properties
            .putObject("errors")
            .put("type", "array")
            .putObject("items")
            .put("type", "object");
    ObjectNode errorProperties = error.putObject("properties");
    errorProperties.putObject("pointer").put("type", "string");
    errorProperties.putObject("code").put("type", "string");
    errorProperties.putObject("message").put("type", "string");

    ObjectNode total = schemas.putObject("Total").put("type", "object").put("nullable", true);
    total.putObject("properties").putObject("count").put("type", "integer").put("format", "int64");
    total.withObject("properties").putObject("exact").put("type", "boolean");

    ObjectNode query = schemas.putObject("Query").put("type", "object");
    ObjectNode queryProperties = query.putObject("properties");
    queryProperties
        .putObject("filter")
        .put("type", "object")
        .put("description", "The JSON form of a filter: and, or, not, or {field, op, value(s)}");
    queryProperties.putObject("q").put("type", "string");
    queryProperties.putObject("sort").put("type", "string");
    queryProperties
        .putObject("fields")
        .put("type", "array")
        .putObject("items")
        .put("type", "string");
    queryProperties.putObject("limit").put("type", "integer");
    queryProperties.putObject("cursor").put("type", "string");
    queryProperties.putObject("total").put("type", "boolean");

    ObjectNode credentials = schemas.putObject("Credentials").put("type", "object");
    credentials.putArray("required").add("username").add("password");
    credentials.putObject("properties").putObject("username").put("type", "string");
    credentials
        .withObject("properties")
        .putObject("password")
        .put("type", "string")
        .put("format", "password");
    credentials
        .withObject("properties")
        .putObject("name")
        .put("type", "string")
        .put("maxLength", 100)
        .put("description", "What the token is for, shown when listing tokens");
    ObjectNode token = schemas.putObject("Token").put("type", "object");
    token.putObject("properties").putObject("id").put("type", "string").put("format", "uuid");
    token.withObject("properties").putObject("token").put("type", "string");
    token
        .withObject("properties")
        .putObject("expiresAt")
        .put("type", "string")
        .put("format", "date-time");
    ObjectNode listed = schemas.putObject("TokenInfo").put("type", "object");
    ObjectNode listedProperties = listed.putObject("properties");
    listedProperties.putObject("id").put("type", "string").put("format", "uuid");
    listedProperties.putObject("name").put("type", "string");
    for (String time : List.of("createdAt", "expiresAt", "revokedAt")) {
      listedProperties.putObject(time).put("type", "string").put("format", "date-time");
    }
    ObjectNode tokenList = schemas.putObject("TokenList").put("type", "object");
    tokenList
        .putObject("properties")
        .putObject("items")
        .put("type", "array")
        .putObject("items")
        .put("$ref", ref("TokenInfo"));
  }

  private static void fixedPaths(ObjectNode paths) {
    ObjectNode tokenPaths = paths.putObject("/api/v1/auth/tokens");
    ObjectNode mine =
        tokenPaths
            .putObject("get")
            .put("operationId", "listTokens")
            .put("summary", "The caller's own API tokens, newest first, without secrets");
    mine.putArray("tags").add("auth");
    mine.putObject("responses")
        .putObject("200")
        .put("description", "The tokens")
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", ref("TokenList"));
    ObjectNode revoke =
        paths
            .putObject("/api/v1/auth/tokens/{id}")
            .putObject("delete")
            .put("operationId", "revokeToken")
            .put(
                "summary", "Revokes one of the caller's tokens; it fails from its next request on");
    revoke.putArray("tags").add("auth");
    revoke
        .putArray("parameters")
        .addObject()
        .put("name", "id")
        .put("in", "path")
        .put("required", true)
        .putObject("schema")
        .put("type", "string")
        .put("format", "uuid");
    revoke.putObject("responses").putObject("204").put("description", "Revoked");
    ObjectNode tokens =
        tokenPaths
            .putObject("post")
            .put("operationId", "issueToken")
            .put("summary", "Issues an API token for a username and password");
    tokens.putArray("tags").add("auth");
    tokens.putArray("security");
    tokens
        .putObject("requestBody")
        .put("required", true)
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", ref("Credentials"));
    tokens
        .putObject("responses")
        .putObject("201")
        .put("description", "The token, shown once")
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", ref("Token"));
    ObjectNode search =
        paths
            .putObject("/api/v1/search")
            .putObject("get")
            .put("operationId", "search")
            .put("summary", "Ranked records of any object whose text matches q");
    search.putArray("tags").add("search");
    query(search, "q", "string", "Words to find; each matches as a prefix");
    query(search, "objects", "string", "Objects to search, comma-separated; all by default");
    query(search, "limit", "integer", "1 to 100, 20 by default");
    search.putObject("responses").putObject("200").put("description", "Hits, best first");
  }

  private static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }

  /** {@code deal_contact} as {@code DealContact}. */
  static String pascal(String name) {
    return Arrays.stream(name.split("_"))
        .filter(p -> !p.isEmpty())
        .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
        .collect(Collectors.joining());
  }
}
