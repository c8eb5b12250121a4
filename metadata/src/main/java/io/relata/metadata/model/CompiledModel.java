package io.relata.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessModel;
import io.relata.metadata.automation.Automations;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.presentation.Presentation;
import io.relata.metadata.schema.RecordSchema;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One revision of the model, compiled. Immutable: swap it, never change it. */
public final class CompiledModel {

  private final long revision;
  private final Map<String, ObjectDefinition> objects;
  private final Map<String, JsonNode> documents;
  private final Map<String, RecordSchema> schemas;
  private final AccessModel access;
  private final Presentation presentation;
  private final Automations automations;

  CompiledModel(
      long revision,
      List<ObjectDefinition> objects,
      Map<String, JsonNode> documents,
      AccessModel access) {
    this.revision = revision;
    this.access = access;
    this.presentation = Presentation.EMPTY;
    this.automations = Automations.EMPTY;
    Map<String, ObjectDefinition> byName = new LinkedHashMap<>();
    Map<String, RecordSchema> schemas = new LinkedHashMap<>();
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    for (ObjectDefinition object : objects) {
      byName.put(object.name(), object);
      schemas.put(object.name(), RecordSchema.of(object));
      docs.put(object.name(), documents.get(object.name()).deepCopy());
    }
    this.objects = java.util.Collections.unmodifiableMap(byName);
    this.schemas = java.util.Collections.unmodifiableMap(schemas);
    this.documents = java.util.Collections.unmodifiableMap(docs);
  }

  private CompiledModel(
      CompiledModel objectsOf,
      AccessModel access,
      Presentation presentation,
      Automations automations) {
    this.revision = objectsOf.revision;
    this.objects = objectsOf.objects;
    this.schemas = objectsOf.schemas;
    this.documents = objectsOf.documents;
    this.access = access;
    this.presentation = presentation;
    this.automations = automations;
  }

  /** The same objects with other roles, permission sets and sharing rules. */
  CompiledModel withAccess(AccessModel other) {
    return new CompiledModel(this, other, presentation, automations);
  }

  /** The same objects and access with other apps and dashboards. */
  CompiledModel withPresentation(Presentation other) {
    return new CompiledModel(this, access, other, automations);
  }

  /** The same objects, access and presentation with other automations. */
  CompiledModel withAutomations(Automations other) {
    return new CompiledModel(this, access, presentation, other);
  }

  /** The model before the first revision: no objects. */
  public static CompiledModel empty() {
    return new CompiledModel(0, List.of(), Map.of(), AccessModel.EMPTY);
  }

  /** The metadata revision this model is; 0 before the first. */
  public long revision() {
    return revision;
  }

  /** Roles, permission sets and sharing rules of this revision. */
  public AccessModel access() {
    return access;
  }

  /** Apps and dashboards of this revision. */
  public Presentation presentation() {
    return presentation;
  }

  /** Automations of this revision. */
  public Automations automations() {
    return automations;
  }

  public Collection<ObjectDefinition> objects() {
    return objects.values();
  }

  public Optional<ObjectDefinition> object(String name) {
    return Optional.ofNullable(objects.get(name));
  }

  /** The object's document as stored in the revision (a copy). */
  public Optional<JsonNode> document(String name) {
    return Optional.ofNullable(documents.get(name)).<JsonNode>map(JsonNode::deepCopy);
  }

  /** The schema of records written to the object. */
  public Optional<RecordSchema> recordSchema(String name) {
    return Optional.ofNullable(schemas.get(name));
  }

  /** Every object's document, in the model's order (copies). */
  public List<JsonNode> documents() {
    return documents.values().stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }
}
