package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the OpenAPI 3.0 document of one metadata revision as one reader sees it. The fixed
 * endpoints are described by this package's YAML fragments; the record endpoints by the template
 * {@code records.yaml}, instantiated for every object with its four {@link RecordSchemas} and
 * tagged with the object, so that generators make one API class per object; the metadata document
 * endpoints by {@code documents.yaml}, instantiated for every {@link DocumentKinds document kind}.
 * The problem answers every operation of a shape can give are added here, in one place ({@link
 * ProblemAnswers}).
 */
public final class OpenApiDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Fragment RECORDS = Fragment.load("records");

  /** The methods of the operations a path may have, as this API serves them. */
  public static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  /**
   * What every reader's document has, assembled once: the frame, the fixed endpoints, the endpoints
   * of every document kind and the record template's shared schemas (those without a marker), so
   * that an object's type name can be chosen against all of them.
   */
  private static final ObjectNode FRAME = frame();

  private OpenApiDocument() {}

  /**
   * The document of {@code objects} (as one reader sees them) of metadata revision {@code
   * revision}.
   */
  public static ObjectNode of(long revision, Collection<ObjectDefinition> objects, String version) {
    ObjectNode doc = FRAME.deepCopy();
    ((ObjectNode) doc.get("info"))
        .put("version", version + "+metadata." + revision)
        .put(
            "description",
            "Relata's REST API, with the records of the objects defined in metadata revision "
                + revision
                + ". Errors are RFC 9457 problem documents.");
    Set<String> taken = names(doc);
    objects.stream()
        .sorted(Comparator.comparing(ObjectDefinition::name))
        .forEach(object -> records(doc, object, taken));
    ProblemAnswers.add(doc);
    return doc;
  }

  private static ObjectNode frame() {
    ObjectNode doc = Fragment.load("base").copy();
    for (String fixed :
        List.of(
            "auth", "directory", "metadata", "operations", "jobs", "notifications", "approvals")) {
      merge(doc, Fragment.load(fixed).copy(), fixed);
    }
    Fragment documents = Fragment.load("documents");
    for (DocumentKind kind : DocumentKinds.all()) {
      ObjectNode part =
          documents.instance(Map.of("@kind@", kind.id(), "@Kind@", pascal(kind.id())));
      merge(doc, withoutShared(part, doc), "documents of " + kind.id());
    }
    ObjectNode shared = NODES.objectNode();
    RECORDS
        .copy()
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema -> {
              if (!schema.getValue().toString().contains("@")) {
                shared.set(schema.getKey(), schema.getValue());
              }
            });
    ObjectNode part = NODES.objectNode();
    part.putObject("components").set("schemas", shared);
    merge(doc, part, "records' shared schemas");
    return doc;
  }

  /**
   * Adds one object's endpoints and schemas, under the first type name that collides with no schema
   * or operation already described ({@code sales__deal} and {@code sales_deal} are both {@code
   * SalesDeal}; an object {@code problem} or {@code share} must not replace the Problem or Share
   * schema); {@code taken} grows by what is added.
   */
  private static void records(ObjectNode doc, ObjectDefinition object, Set<String> taken) {
    String base = pascal(object.name());
    for (int attempt = 0; attempt < 100; attempt++) {
      String type = attempt == 0 ? base : base + "Record" + (attempt == 1 ? "" : attempt);
      ObjectNode part =
          withoutShared(RECORDS.instance(Map.of("@object@", object.name(), "@Type@", type)), doc);
      ObjectNode schemas = part.withObject("components").withObject("schemas");
      RecordSchemas.of(object, type).forEach(schemas::set);
      Set<String> added = names(part);
      if (Collections.disjoint(added, taken)) {
        merge(doc, part, "records of " + object.name());
        taken.addAll(added);
        return;
      }
    }
    throw new IllegalStateException("no type name is free for " + object.name());
  }

  /**
   * {@code part} without the components {@code doc} already has as they are: a template's schemas
   * that hold no marker are the same in every instance, and described once.
   */
  private static ObjectNode withoutShared(ObjectNode part, ObjectNode doc) {
    for (Iterator<Map.Entry<String, JsonNode>> sections = part.path("components").fields();
        sections.hasNext(); ) {
      Map.Entry<String, JsonNode> section = sections.next();
      JsonNode existing = doc.path("components").path(section.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> it = section.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> component = it.next();
        if (component.getValue().equals(existing.get(component.getKey()))) {
          it.remove();
        }
      }
    }
    return part;
  }

  /** The schema names and operation ids of {@code doc}. */
  private static Set<String> names(ObjectNode doc) {
    Set<String> names = new HashSet<>();
    doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
    doc.path("paths")
        .forEach(
            path -> {
              for (String method : METHODS) {
                JsonNode id = path.path(method).path("operationId");
                if (id.isTextual()) {
                  names.add(id.textValue());
                }
              }
            });
    return names;
  }

  /** Adds {@code part}'s paths and components to {@code doc}; describing a thing twice is a bug. */
  private static void merge(ObjectNode doc, ObjectNode part, String from) {
    mergeMembers(doc.withObject("paths"), part.path("paths"), from);
    for (Iterator<Map.Entry<String, JsonNode>> it = part.path("components").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      mergeMembers(
          doc.withObject("components").withObject(section.getKey()), section.getValue(), from);
    }
  }

  private static void mergeMembers(ObjectNode into, JsonNode members, String from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (into.has(member.getKey())) {
        throw new IllegalStateException(from + " describes " + member.getKey() + " again");
      }
      into.set(member.getKey(), member.getValue());
    }
  }

  static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }

  /**
   * {@code deal_contact} as {@code DealContact}, {@code permission-sets} as {@code PermissionSets}.
   */
  static String pascal(String name) {
    return Arrays.stream(name.split("[_-]"))
        .filter(p -> !p.isEmpty())
        .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
        .collect(Collectors.joining());
  }
}
