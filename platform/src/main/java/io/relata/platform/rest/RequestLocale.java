package io.relata.platform.rest;

import io.relata.platform.message.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The language a client asked for with {@code Accept-Language}: the most wanted one Relata speaks;
 * English when it asked for none of them.
 */
public final class RequestLocale {

  private RequestLocale() {}

  public static Locale of(HttpHeaders headers) {
    List<Locale> wanted;
    try {
      wanted = headers == null ? List.of() : headers.getAcceptableLanguages();
    } catch (RuntimeException malformedHeader) {
      // a broken Accept-Language header must not turn an answer into a server error
      return Locale.ENGLISH;
    }
    return Messages.language(wanted);
  }
}
