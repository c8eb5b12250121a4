package io.relata.platform.rest;

import io.relata.platform.message.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language a client asked for with {@code Accept-Language}: the most wanted one Relata speaks;
 * English when it asked for none of them.
 */
public final class RequestLocale {

  private RequestLocale() {}

  public static Locale of(HttpHeaders headers) {
    return Messages.language(headers == null ? null : headers.getHeaderString("Accept-Language"));
  }
}
