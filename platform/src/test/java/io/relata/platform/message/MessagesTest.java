package io.relata.platform.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void fillsInArguments() {
    assertEquals(
        "must be at most 100 characters", Messages.text("field.too-long", Locale.ENGLISH, 100));
  }

  @Test
  void languagesWithoutTranslationFallBackToEnglishNotToTheServerLocale() {
    Locale serverDefault = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertEquals("is required", Messages.text("field.required", Locale.FRENCH));
    } finally {
      Locale.setDefault(serverDefault);
    }
  }

  @Test
  void theNordicLanguagesHaveTheirOwnTexts() {
    assertEquals("är obligatoriskt", Messages.text("field.required", new Locale("sv", "SE")));
    assertEquals("må højst være 5 tegn", Messages.text("field.too-long", new Locale("da"), 5));
    assertEquals(
        "Objektilla deal ei ole tietuetta 42.",
        Messages.text("problem.record-not-found.detail", new Locale("fi"), "deal", "42"));
  }

  @Test
  void theMostWantedLanguageRelataSpeaksIsChosen() {
    assertEquals(new Locale("sv"), Messages.language("de-DE, sv-SE;q=0.8, en;q=0.5"));
    assertEquals(new Locale("sv"), Messages.language("sv-FI, fi;q=0.9"));
    assertEquals(new Locale("da"), Messages.language("da-DK"));
    assertEquals(Locale.ENGLISH, Messages.language("de, sv;q=0"), "a weight of 0 refuses");
    assertEquals(Locale.ENGLISH, Messages.language("de, *"));
    assertEquals(Locale.ENGLISH, Messages.language(";;q=x,=="));
    assertEquals(Locale.ENGLISH, Messages.language(null));
  }

  /**
   * Each translation has exactly the English codes, with the same placeholders, and every text of
   * every language shows each of its arguments when formatted: a missing code, a lost {0}, or a
   * lone apostrophe (which makes the rest of a pattern literal) fails here rather than at a user.
   */
  @Test
  void everyTranslationHasEveryCodeWithItsPlaceholders() throws IOException {
    Properties english = bundle("");
    for (Locale language : Messages.LANGUAGES) {
      Properties translated =
          language.equals(Locale.ENGLISH) ? english : bundle("_" + language.getLanguage());
      assertEquals(
          new TreeSet<>(english.stringPropertyNames()),
          new TreeSet<>(translated.stringPropertyNames()),
          language + " has other codes than English");
      for (String code : english.stringPropertyNames()) {
        String pattern = translated.getProperty(code);
        Set<String> placeholders = placeholders(pattern);
        assertEquals(placeholders(english.getProperty(code)), placeholders, language + " " + code);
        String text = new MessageFormat(pattern, language).format(MARKERS);
        for (String placeholder : placeholders) {
          int index = Integer.parseInt(placeholder.substring(1, placeholder.length() - 1));
          assertTrue(
              text.contains(MARKERS[index]), language + " " + code + " hides " + placeholder);
        }
        assertFalse(
            LONE_APOSTROPHE.matcher(pattern).find(),
            language + " " + code + " has a lone apostrophe: write two");
      }
    }
  }

  private static final String[] MARKERS = {"<0>", "<1>", "<2>", "<3>", "<4>"};
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  private static Properties bundle(String suffix) throws IOException {
    Properties bundle = new Properties();
    try (Reader in =
        new InputStreamReader(
            Messages.class.getResourceAsStream(
                "/io/relata/platform/message/messages" + suffix + ".properties"),
            StandardCharsets.UTF_8)) {
      bundle.load(in);
    }
    return bundle;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{\\d+\\}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  @Test
  void anUnknownCodeYieldsTheCodeRatherThanAnError() {
    assertEquals("no.such.code", Messages.text("no.such.code", Locale.ENGLISH));
  }
}
