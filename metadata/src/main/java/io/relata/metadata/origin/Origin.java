package io.relata.metadata.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a metadata document came from, kept in its {@code origin} member: shipped with Relata
 * ({@code core}), installed by a plugin (its id and version), or written by an admin. An admin's
 * change to a core or plugin document keeps the source and marks it {@code customised}, so that a
 * later upgrade of the plugin can keep the admin's changes instead of overwriting them. The
 * platform sets it; it is not part of what a kind's meta-schema describes.
 *
 * @param plugin the plugin's id, for a plugin's document
 * @param version the plugin's version the document came with
 */
public record Origin(
    Source source, Optional<String> plugin, Optional<String> version, boolean customised) {

  public static final String MEMBER = "origin";

  private static final Set<String> MEMBERS = Set.of("source", "plugin", "version", "customised");

  /** Who wrote a document first. */
  public enum Source {
    CORE,
    PLUGIN,
    ADMIN
  }

  public static Origin admin() {
    return new Origin(Source.ADMIN, Optional.empty(), Optional.empty(), false);
  }

  public static Origin plugin(String id, String version) {
    return new Origin(Source.PLUGIN, Optional.of(id), Optional.of(version), false);
  }

  /**
   * The origin of a document an admin saves over {@code current}: an admin's when new or an admin's
   * already; the current source, customised, when it came with Relata or a plugin.
   */
  public static Origin savedByAdmin(Optional<JsonNode> current) {
    Optional<Origin> before = current.flatMap(Origin::of);
    if (before.isEmpty() || before.get().source() == Source.ADMIN) {
      return admin();
    }
    Origin was = before.get();
    return new Origin(was.source(), was.plugin(), was.version(), true);
  }

  /**
   * Why an admin may not save {@code document} over {@code current}: it claims an origin other than
   * the stored one (the origin is Relata's to keep; a client may send back the one it read).
   */
  public static Optional<Problem> claimed(JsonNode document, Optional<JsonNode> current) {
    JsonNode sent = document.get(MEMBER);
    JsonNode stored = current.map(c -> c.get(MEMBER)).orElse(null);
    return sent == null || sent.equals(stored)
        ? Optional.empty()
        : Optional.of(Problem.at("/" + MEMBER, "metadata.origin-read-only"));
  }

  /**
   * {@code document} as an admin saves it over {@code current}: unchanged content keeps the stored
   * origin; changed content gets {@link #savedByAdmin}'s.
   */
  public static JsonNode saved(JsonNode document, Optional<JsonNode> current) {
    if (current.isPresent() && content(current.get()).equals(content(document))) {
      JsonNode stored = current.get().get(MEMBER);
      return stored == null ? document : Origin.of(current.get()).orElse(admin()).stamp(document);
    }
    return savedByAdmin(current).stamp(document);
  }

  /** The document's origin; empty when it has none (written before origins were kept). */
  public static Optional<Origin> of(JsonNode document) {
    JsonNode origin = document.path(MEMBER);
    if (!origin.isObject() || !check(document).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Origin(
            Source.valueOf(origin.get("source").asText().toUpperCase(Locale.ROOT)),
            text(origin, "plugin"),
            text(origin, "version"),
            origin.path("customised").asBoolean(false)));
  }

  /** What is wrong with the document's {@code origin}, at {@code /origin}; empty when fine. */
  public static List<Problem> check(JsonNode document) {
    JsonNode origin = document.get(MEMBER);
    if (origin == null) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    if (!origin.isObject()) {
      return List.of(Problem.at("/" + MEMBER, "origin.shape"));
    }
    origin
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                problems.add(Problem.at("/" + MEMBER + "/" + name, "origin.unknown-member", name));
              }
            });
    String source = origin.path("source").asText("");
    boolean plugin = source.equals("plugin");
    if (!Set.of("core", "plugin", "admin").contains(source)) {
      problems.add(Problem.at("/" + MEMBER + "/source", "origin.source"));
    } else if (plugin
        != (origin.path("plugin").isTextual() && origin.path("version").isTextual())) {
      problems.add(Problem.at("/" + MEMBER, "origin.plugin"));
    }
    if (origin.has("customised") && !origin.get("customised").isBoolean()) {
      problems.add(Problem.at("/" + MEMBER + "/customised", "schema.type", "boolean"));
    }
    return problems;
  }

  /** A copy of the document without its origin: what its kind's meta-schema checks. */
  public static JsonNode content(JsonNode document) {
    if (!document.isObject() || !document.has(MEMBER)) {
      return document;
    }
    ObjectNode copy = document.deepCopy();
    copy.remove(MEMBER);
    return copy;
  }

  /** A copy of the document with this origin. */
  public JsonNode stamp(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.set(MEMBER, toJson());
    return copy;
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("source", source.name().toLowerCase(Locale.ROOT));
    plugin.ifPresent(p -> json.put("plugin", p));
    version.ifPresent(v -> json.put("version", v));
    if (customised) {
      json.put("customised", true);
    }
    return json;
  }

  private static Optional<String> text(JsonNode node, String name) {
    return node.path(name).isTextual() ? Optional.of(node.get(name).asText()) : Optional.empty();
  }
}
