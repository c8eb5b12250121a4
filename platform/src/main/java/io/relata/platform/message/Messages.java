package io.relata.platform.message;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Resolves message codes to text in a locale, falling back to English. */
public final class Messages {

  private static final String BUNDLE = "io.relata.platform.message.messages";

  /** Falls back to the base bundle (English), never to the server's default locale. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

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
