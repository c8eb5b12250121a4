package io.relata.metadata.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.model.CompiledModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's documents, by kind, each kind's list in its own order: what one metadata revision
 * holds. Immutable; documents are copied in and out. A change to the model is a function from one
 * {@code Documents} to the next.
 */
public final class Documents {

  public static final Documents EMPTY = new Documents(Map.of());

  private final Map<String, List<JsonNode>> byKind;

  private Documents(Map<String, List<JsonNode>> byKind) {
    Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      copy.put(kind.id(), copy(byKind.getOrDefault(kind.id(), List.of())));
    }
    this.byKind = copy;
  }

  /** The objects and the authorization model's documents, as revisions store them today. */
  public static Documents of(List<JsonNode> objects, AccessDocuments access) {
    Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
    byKind.put(DocumentKinds.OBJECTS.id(), objects);
    putAccess(byKind, access);
    return new Documents(byKind);
  }

  /** Every document of every kind of {@code model}, as a revision stores them. */
  public static Documents of(CompiledModel model) {
    return of(model.documents(), model.access().documents())
        .with(DocumentKinds.APPS, model.presentation().appDocuments())
        .with(DocumentKinds.DASHBOARDS, model.presentation().dashboardDocuments())
        .with(DocumentKinds.AUTOMATIONS, model.automations().documents())
        .with(DocumentKinds.ASSIGNMENT_RULES, model.automations().assignmentDocuments())
        .with(DocumentKinds.SCORING_MODELS, model.automations().scoringDocuments())
        .with(DocumentKinds.CALENDARS, model.automations().calendarDocuments())
        .with(DocumentKinds.SLA_POLICIES, model.automations().policyDocuments())
        .with(DocumentKinds.EMAIL_TEMPLATES, model.automations().templateDocuments())
        .with(DocumentKinds.WEBHOOKS, model.automations().webhookDocuments())
        .with(DocumentKinds.APPROVAL_PROCESSES, model.automations().approvalDocuments());
  }

  private static void putAccess(Map<String, List<JsonNode>> byKind, AccessDocuments access) {
    byKind.put(DocumentKinds.ROLES.id(), access.of(AccessDocuments.Kind.ROLE));
    byKind.put(DocumentKinds.PERMISSION_SETS.id(), access.of(AccessDocuments.Kind.PERMISSION_SET));
    byKind.put(DocumentKinds.SHARING_RULES.id(), access.of(AccessDocuments.Kind.SHARING_RULE));
  }

  /**
   * Reads the stored form; a kind the registry no longer knows is dropped, one it knows but the
   * JSON lacks is empty.
   */
  public static Documents fromJson(JsonNode json) {
    Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      List<JsonNode> documents = new ArrayList<>();
      json.path(kind.id()).forEach(documents::add);
      byKind.put(kind.id(), documents);
    }
    return new Documents(byKind);
  }

  /** Copies of the documents of {@code kind}, in order. */
  public List<JsonNode> of(DocumentKind kind) {
    return copy(byKind.get(kind.id()));
  }

  /** The document of {@code kind} called {@code name}, a copy. */
  public Optional<JsonNode> find(DocumentKind kind, String name) {
    return byKind.get(kind.id()).stream()
        .filter(d -> name.equals(d.path("name").asText(null)))
        .findFirst()
        .map(JsonNode::deepCopy);
  }

  /** These documents with {@code document} in place of the one of its name, or added last. */
  public Documents put(DocumentKind kind, JsonNode document) {
    String name = document.path("name").asText(null);
    List<JsonNode> documents = new ArrayList<>(byKind.get(kind.id()));
    boolean replaced = false;
    for (int i = 0; i < documents.size(); i++) {
      if (name != null && name.equals(documents.get(i).path("name").asText(null))) {
        documents.set(i, document);
        replaced = true;
      }
    }
    if (!replaced) {
      documents.add(document);
    }
    return with(kind, documents);
  }

  /** These documents without the one of {@code kind} called {@code name}. */
  public Documents remove(DocumentKind kind, String name) {
    return with(
        kind,
        byKind.get(kind.id()).stream()
            .filter(d -> !name.equals(d.path("name").asText(null)))
            .toList());
  }

  /** These documents with the list of {@code kind} replaced. */
  public Documents with(DocumentKind kind, List<JsonNode> documents) {
    Map<String, List<JsonNode>> changed = new LinkedHashMap<>(byKind);
    changed.put(kind.id(), documents);
    return new Documents(changed);
  }

  /** These documents with the authorization model's replaced by {@code access}. */
  public Documents withAccess(AccessDocuments access) {
    Map<String, List<JsonNode>> changed = new LinkedHashMap<>(byKind);
    putAccess(changed, access);
    return new Documents(changed);
  }

  /** The objects' documents. */
  public List<JsonNode> objects() {
    return of(DocumentKinds.OBJECTS);
  }

  /** The authorization model's documents. */
  public AccessDocuments access() {
    return new AccessDocuments(
        of(DocumentKinds.ROLES),
        of(DocumentKinds.PERMISSION_SETS),
        of(DocumentKinds.SHARING_RULES));
  }

  /** {@code {"objects": [...], "roles": [...], ...}}, kinds in registry order. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    byKind.forEach((kind, documents) -> documents.forEach(json.putArray(kind)::add));
    return json;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Documents documents && documents.byKind.equals(byKind);
  }

  @Override
  public int hashCode() {
    return byKind.hashCode();
  }

  private static List<JsonNode> copy(List<JsonNode> documents) {
    return documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }
}
