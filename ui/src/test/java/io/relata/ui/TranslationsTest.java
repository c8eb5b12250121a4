package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The screens' texts in the four languages: every bundle has the keys English has, with the same
 * placeholders; every key the code asks for by name is there; and Setup has a text for every kind
 * of document, every property and every choice the meta-schemas define, so that its generated forms
 * read in the user's language.
 */
class TranslationsTest {

  private static final List<String> LANGUAGES = List.of("", "_sv", "_da", "_fi");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private static final Pattern ASKED =
      Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.-]+)\"\\s*[,)]");

  @Test
  void everyLanguageHasEveryKeyWithItsPlaceholders() throws IOException {
    Properties english = bundle("");
    for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
      Properties other = bundle(language);
      assertEquals(english.stringPropertyNames(), other.stringPropertyNames(), language);
      for (String key : english.stringPropertyNames()) {
        assertEquals(
            placeholders(english.getProperty(key)),
            placeholders(other.getProperty(key)),
            language + ": " + key);
      }
    }
  }

  @Test
  void everyKeyTheScreensAskForIsThere() throws IOException {
    Properties english = bundle("");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher asked = ASKED.matcher(Files.readString(source));
        while (asked.find()) {
          if (!english.containsKey(asked.group(1))) {
            missing.add(asked.group(1) + " (" + source.getFileName() + ")");
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void setupNamesEveryKindPropertyAndChoiceOfTheMetaSchemas() throws IOException {
    Properties english = bundle("");
    Map<String, String> missing = new TreeMap<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      if (!english.containsKey("setup.kind." + kind.id())) {
        missing.put("setup.kind." + kind.id(), kind.id());
      }
      List<String> keys = new ArrayList<>();
      walk(kind.metaSchema().document(), keys);
      for (String key : keys) {
        if (!english.containsKey(key)) {
          missing.put(key, kind.id());
        }
      }
    }
    assertEquals(Map.of(), missing);
    assertTrue(english.containsKey("setup.property.label"), "the walk found properties");
  }

  /** The keys of every property name and every enum value under {@code schema}. */
  private static void walk(JsonNode schema, List<String> keys) {
    if (schema.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = schema.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        if (member.getKey().equals("properties") && member.getValue().isObject()) {
          member.getValue().fieldNames().forEachRemaining(n -> keys.add("setup.property." + n));
        }
        if (member.getKey().equals("enum")) {
          member.getValue().forEach(v -> keys.add("setup.value." + v.asText()));
        }
        walk(member.getValue(), keys);
      }
    } else if (schema.isArray()) {
      schema.forEach(item -> walk(item, keys));
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties bundle(String language) throws IOException {
    Properties bundle = new Properties();
    try (InputStream in =
        TranslationsTest.class.getResourceAsStream(
            "/vaadin-i18n/translations" + language + ".properties")) {
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return bundle;
  }
}
