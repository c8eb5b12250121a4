package io.relata.metadata.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document added, removed or changed between two versions of a model, by kind and name: the diff
 * every kind has (objects have a finer one too, field by field).
 */
public record DocumentChange(String kind, String name, Type type) {

  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** What turns {@code before}'s documents of every kind into {@code after}'s, in kind order. */
  public static List<DocumentChange> between(Documents before, Documents after) {
    List<DocumentChange> changes = new ArrayList<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      Map<String, JsonNode> old = byName(before.of(kind));
      Map<String, JsonNode> now = byName(after.of(kind));
      old.forEach(
          (name, doc) -> {
            if (!now.containsKey(name)) {
              changes.add(new DocumentChange(kind.id(), name, Type.REMOVED));
            } else if (!now.get(name).equals(doc)) {
              changes.add(new DocumentChange(kind.id(), name, Type.CHANGED));
            }
          });
      now.keySet().stream()
          .filter(name -> !old.containsKey(name))
          .forEach(name -> changes.add(new DocumentChange(kind.id(), name, Type.ADDED)));
    }
    return changes;
  }

  private static Map<String, JsonNode> byName(List<JsonNode> documents) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    documents.forEach(d -> byName.put(d.path("name").asText(), d));
    return byName;
  }
}
