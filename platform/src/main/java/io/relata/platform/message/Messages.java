package io.relata.platform.message;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resolves message codes to text in a locale, falling back to English. Relata speaks English,
 * Swedish, Danish and Finnish ({@link #LANGUAGES}); each has its bundle beside {@code
 * messages.properties}, with the same codes and placeholders.
 */
public final class Messages {

  /** The languages Relata's texts are written in, English first. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, new Locale("sv"), new Locale("da"), new Locale("fi"));

  private static final String BUNDLE = "io.relata.platform.message.messages";

  /** Falls back to the base bundle (English), never to the server's default locale. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /**
   * The language of an {@code Accept-Language} header that Relata speaks, by the header's weights
   * (RFC 4647 lookup: {@code sv-SE} finds Swedish, a weight of 0 refuses a language); English when
   * it names none of them, is absent or cannot be read.
   */
  public static Locale language(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
      return found == null ? Locale.ENGLISH : found;
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }

  /**
   * The text for {@code code} with {@code args} filled in. An unknown code yields the code itself:
   * a missing translation must never turn into a server error.
   */
  public static String text(String code, Locale locale, Object... args) {
    String pattern;
    try {
      pattern =
          ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK)
              .getString(code);
    } catch (MissingResourceException e) {
      return code;
    }
    return new MessageFormat(pattern, locale).format(args);
  }
}
