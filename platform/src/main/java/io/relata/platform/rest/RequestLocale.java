package io.relata.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** The language a client asked for with {@code Accept-Language}; English when it did not. */
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
    return wanted.isEmpty() || "*".equals(wanted.get(0).toString())
        ? Locale.ENGLISH
        : wanted.get(0);
  }
}
