package io.relata.metadata.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authorization model's documents as stored in a metadata revision, next to the objects: roles,
 * permission sets and sharing rules, each list in its own order. Immutable; the documents are
 * copied in and out. Edited as a model's {@code Documents}, like every kind.
 */
public final class AccessDocuments {

  /** The three kinds of document, with their names in the stored JSON and in the API's paths. */
  public enum Kind {
    ROLE("roles", "roles"),
    PERMISSION_SET("permissionSets", "permission-sets"),
    SHARING_RULE("sharingRules", "sharing-rules");

    private final String key;
    private final String path;

    Kind(String key, String path) {
      this.key = key;
      this.path = path;
    }

    /** The key of the kind's list in the stored JSON. */
    public String key() {
      return key;
    }

    /** The kind's segment in {@code /api/v1/metadata/{path}/{name}}. */
    public String path() {
      return path;
    }

    public static Optional<Kind> ofPath(String path) {
      for (Kind kind : values()) {
        if (kind.path.equals(path)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  public static final AccessDocuments EMPTY = new AccessDocuments(List.of(), List.of(), List.of());

  private final List<JsonNode> roles;
  private final List<JsonNode> permissionSets;
  private final List<JsonNode> sharingRules;

  public AccessDocuments(
      List<JsonNode> roles, List<JsonNode> permissionSets, List<JsonNode> sharingRules) {
    this.roles = copy(roles);
    this.permissionSets = copy(permissionSets);
    this.sharingRules = copy(sharingRules);
  }

  /** Reads the stored form; a missing or empty object is the empty model. */
  public static AccessDocuments fromJson(JsonNode json) {
    return new AccessDocuments(
        list(json.path(Kind.ROLE.key)),
        list(json.path(Kind.PERMISSION_SET.key)),
        list(json.path(Kind.SHARING_RULE.key)));
  }

  /** The stored form: {@code {"roles": [...], "permissionSets": [...], "sharingRules": [...]}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (Kind kind : Kind.values()) {
      ArrayNode array = json.putArray(kind.key);
      of(kind).forEach(array::add);
    }
    return json;
  }

  /** Copies of the documents of one kind, in order. */
  public List<JsonNode> of(Kind kind) {
    List<JsonNode> documents =
        switch (kind) {
          case ROLE -> roles;
          case PERMISSION_SET -> permissionSets;
          case SHARING_RULE -> sharingRules;
        };
    return copy(documents);
  }

  /** The document of {@code kind} called {@code name}, a copy. */
  public Optional<JsonNode> find(Kind kind, String name) {
    return of(kind).stream().filter(d -> name.equals(d.path("name").asText(null))).findFirst();
  }

  /** These documents with the list of {@code kind} replaced. */
  public AccessDocuments with(Kind kind, List<JsonNode> documents) {
    return new AccessDocuments(
        kind == Kind.ROLE ? documents : roles,
        kind == Kind.PERMISSION_SET ? documents : permissionSets,
        kind == Kind.SHARING_RULE ? documents : sharingRules);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> documents = new ArrayList<>();
    array.forEach(documents::add);
    return documents;
  }

  private static List<JsonNode> copy(List<JsonNode> documents) {
    return documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }
}
