package io.relata.ui.session;

import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.directory.Account;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the screens need to know about the signed-in user besides who they are: the name to show,
 * the language of every text, and the locale and time zone values are shown in. Read from their
 * account at sign-in and kept in the session; a change in the profile replaces it.
 *
 * @param locale the language of the user's profile with the region its formats follow ({@code
 *     sv-SE}: dates and amounts as in Sweden)
 */
public record UserSettings(String displayName, Locale locale, ZoneId zone) implements Serializable {

  /** The languages screens speak, by the profile's language code. */
  public static Locale locale(String language) {
    return switch (language) {
      case "sv" -> Locale.forLanguageTag("sv-SE");
      case "da" -> Locale.forLanguageTag("da-DK");
      case "fi" -> Locale.forLanguageTag("fi-FI");
      default -> Locale.forLanguageTag("en-GB");
    };
  }

  /** The settings of {@code account}. */
  public static UserSettings of(Account account) {
    String name =
        account.displayName() == null || account.displayName().isBlank()
            ? account.username()
            : account.displayName();
    return new UserSettings(name, locale(account.locale()), ZoneId.of(account.timeZone()));
  }

  /** The settings of the current session's user, if they have been read. */
  public static Optional<UserSettings> current() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(UserSettings.class));
  }

  /** Values as this user reads them: their locale's formats, their zone's times. */
  public io.relata.ui.format.Values values() {
    return new io.relata.ui.format.Values(locale, zone);
  }

  /** Makes these the session's settings and its locale. */
  public void apply(VaadinSession session) {
    session.setAttribute(UserSettings.class, this);
    session.setLocale(locale);
  }
}
