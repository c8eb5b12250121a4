package io.relata.metadata.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A label in other languages, by language code ({@code "sv": "Affär"}): what a document's {@code
 * labels} (or {@code pluralLabels}, {@code titles}) says beside its {@code label}. A language
 * without one shows the label itself.
 */
public record Translations(Map<String, String> byLanguage) {

  public static final Translations NONE = new Translations(Map.of());

  public Translations {
    byLanguage = Map.copyOf(byLanguage);
  }

  /** The label in {@code locale}'s language, else {@code label}. */
  public String in(Locale locale, String label) {
    return locale == null ? label : byLanguage.getOrDefault(locale.getLanguage(), label);
  }

  /** The translations in {@code node} ({@code {"sv": "...", "fi": "..."}}); none for none. */
  public static Translations read(JsonNode node) {
    if (node == null || !node.isObject()) {
      return NONE;
    }
    Map<String, String> byLanguage = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> byLanguage.put(e.getKey(), e.getValue().asText()));
    return new Translations(byLanguage);
  }
}
