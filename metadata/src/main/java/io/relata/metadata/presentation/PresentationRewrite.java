package io.relata.metadata.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries apps and dashboards through a change of the objects: a removed object leaves every app
 * and takes its widgets with it (the removal was confirmed, with its records); a renamed field is
 * renamed in the widgets' grouping, series and measure. A widget's filter is not rewritten: a
 * filter on a field that goes refuses the change, so an admin decides, as for sharing rules.
 */
public final class PresentationRewrite {

  private PresentationRewrite() {}

  /** The apps' documents after {@code changes}. */
  public static List<JsonNode> apps(List<JsonNode> apps, List<Change> changes) {
    List<JsonNode> rewritten = new ArrayList<>();
    for (JsonNode doc : apps) {
      ObjectNode app = doc.deepCopy();
      for (Change change : changes) {
        if (change instanceof Change.ObjectRemoved removed && app.path("objects").isArray()) {
          ArrayNode kept = app.arrayNode();
          app.get("objects").forEach(o -> keepUnless(kept, o, removed.object()));
          app.set("objects", kept);
        }
      }
      rewritten.add(app);
    }
    return rewritten;
  }

  /** The dashboards' documents after {@code changes}. */
  public static List<JsonNode> dashboards(List<JsonNode> dashboards, List<Change> changes) {
    List<JsonNode> rewritten = new ArrayList<>();
    for (JsonNode doc : dashboards) {
      ObjectNode dashboard = doc.deepCopy();
      if (dashboard.path("widgets").isArray()) {
        ArrayNode kept = dashboard.arrayNode();
        for (JsonNode widget : dashboard.get("widgets")) {
          if (rewrite(widget, changes)) {
            kept.add(widget);
          }
        }
        dashboard.set("widgets", kept);
      }
      rewritten.add(dashboard);
    }
    return rewritten;
  }

  /** Renames the widget's fields; false when its object goes. */
  private static boolean rewrite(JsonNode widget, List<Change> changes) {
    if (!widget.isObject()) {
      return true;
    }
    ObjectNode node = (ObjectNode) widget;
    String object = node.path("object").asText();
    for (Change change : changes) {
      if (!change.object().equals(object)) {
        continue;
      }
      if (change instanceof Change.ObjectRemoved) {
        return false;
      }
      if (change instanceof Change.FieldRenamed renamed) {
        rename(node, "groupBy", renamed, "");
        rename(node, "series", renamed, "");
        rename(node, "measure", renamed, ":");
      }
    }
    return true;
  }

  /**
   * Renames the field in {@code property}: {@code field} or {@code field:period} where the field
   * comes first ({@code before} empty), {@code function:field} where it follows {@code before}.
   */
  private static void rename(
      ObjectNode node, String property, Change.FieldRenamed renamed, String before) {
    if (!node.path(property).isTextual()) {
      return;
    }
    String value = node.get(property).asText();
    if (before.isEmpty()) {
      String[] parts = value.split(":", 2);
      if (parts[0].equals(renamed.from())) {
        node.put(property, renamed.to() + (parts.length == 2 ? ":" + parts[1] : ""));
      }
    } else {
      int at = value.indexOf(before);
      if (at >= 0 && value.substring(at + 1).equals(renamed.from())) {
        node.put(property, value.substring(0, at + 1) + renamed.to());
      }
    }
  }

  private static void keepUnless(ArrayNode kept, JsonNode object, String removed) {
    if (!object.asText().equals(removed)) {
      kept.add(object);
    }
  }
}
