package io.relata.platform.identity.oidc;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How Relata signs users in through an OpenID Connect provider, from {@code RELATA_OIDC_*}. Off
 * while no issuer is set; with one, a client id and secret are required, and the issuer must be
 * https (plain http only on this machine, for development and tests).
 *
 * @param issuer the provider's issuer URL; its discovery document is read from there
 * @param usernameClaim the ID-token claim that names the Relata user; {@code email} is accepted
 *     only with {@code email_verified} true
 * @param redirectUri where the provider sends the browser back; by default made from the request
 */
public record OidcSettings(
    URI issuer,
    String clientId,
    String clientSecret,
    String usernameClaim,
    List<String> scopes,
    Optional<URI> redirectUri,
    String label) {

  /** The settings, or empty when single sign-on is off; a half-made setting stops the start. */
  public static Optional<OidcSettings> of(
      Optional<String> issuer,
      Optional<String> clientId,
      Optional<String> clientSecret,
      String usernameClaim,
      String scopes,
      Optional<String> redirectUri,
      String label) {
    if (issuer.filter(text -> !text.isBlank()).isEmpty()) {
      return Optional.empty();
    }
    URI issuerUri = absolute("RELATA_OIDC_ISSUER", issuer.get());
    boolean local =
        "localhost".equals(issuerUri.getHost()) || "127.0.0.1".equals(issuerUri.getHost());
    if (!"https".equals(issuerUri.getScheme()) && !local) {
      throw new IllegalStateException(
          "RELATA_OIDC_ISSUER must be an https URL (plain http only for localhost): " + issuerUri);
    }
    List<String> scopeList = List.of(scopes.trim().split("[\\s,]+"));
    if (!scopeList.contains("openid")) {
      throw new IllegalStateException("RELATA_OIDC_SCOPES must include openid: " + scopes);
    }
    return Optional.of(
        new OidcSettings(
            issuerUri,
            required("RELATA_OIDC_CLIENT_ID", clientId),
            required("RELATA_OIDC_CLIENT_SECRET", clientSecret),
            usernameClaim,
            scopeList,
            redirectUri
                .filter(text -> !text.isBlank())
                .map(text -> absolute("RELATA_OIDC_REDIRECT_URI", text)),
            label));
  }

  private static String required(String name, Optional<String> value) {
    return value
        .filter(text -> !text.isBlank())
        .orElseThrow(
            () -> new IllegalStateException(name + " is required when RELATA_OIDC_ISSUER is set"));
  }

  private static URI absolute(String name, String text) {
    try {
      URI uri = new URI(text.strip());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalStateException(name + " must be an absolute http(s) URL: " + text);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(name + " is not a URL: " + text, e);
    }
  }
}
