package io.relata.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * One YAML file of this package's resources: a part of the OpenAPI document with {@code paths} and
 * {@code components}. A template part carries markers ({@code @object@} and {@code @Type@} in
 * records.yaml, {@code @kind@} and {@code @Kind@} in documents.yaml) in names and texts, which
 * {@link #instance} replaces. The endpoints are described in YAML rather than built in Java because
 * a description is data: it reads as the document it becomes.
 */
final class Fragment {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final ObjectNode tree;

  private Fragment(String name, ObjectNode tree) {
    this.name = name;
    this.tree = tree;
  }

  /** The fragment {@code name}.yaml of this package. */
  static Fragment load(String name) {
    try (InputStream in = Fragment.class.getResourceAsStream(name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("no OpenAPI fragment " + name);
      }
      return new Fragment(name, (ObjectNode) YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("OpenAPI fragment " + name, e);
    }
  }

  /** A copy of the whole fragment, as it is. */
  ObjectNode copy() {
    return tree.deepCopy();
  }

  /** A copy with every marker (a key of {@code markers}) replaced, in names and texts. */
  ObjectNode instance(Map<String, String> markers) {
    return (ObjectNode) replace(tree, markers);
  }

  String name() {
    return name;
  }

  private static JsonNode replace(JsonNode node, Map<String, String> markers) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        copy.set(text(member.getKey(), markers), replace(member.getValue(), markers));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(replace(element, markers)));
      return copy;
    }
    if (node.isTextual()) {
      return NODES.textNode(text(node.textValue(), markers));
    }
    return node.deepCopy();
  }

  private static String text(String text, Map<String, String> markers) {
    String replaced = text;
    for (Map.Entry<String, String> marker : markers.entrySet()) {
      replaced = replaced.replace(marker.getKey(), marker.getValue());
    }
    return replaced;
  }
}
