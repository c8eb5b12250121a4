package io.relata.platform.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

  private static Optional<OidcSettings> settings(
      String issuer, String clientId, String secret, String scopes, String redirect) {
    return OidcSettings.of(
        Optional.ofNullable(issuer),
        Optional.ofNullable(clientId),
        Optional.ofNullable(secret),
        "preferred_username",
        scopes,
        Optional.ofNullable(redirect),
        "Sign-on");
  }

  @Test
  void withoutAnIssuerSingleSignOnIsOff() {
    assertTrue(settings(null, "relata", "secret", "openid", null).isEmpty());
    assertTrue(settings("  ", null, null, "openid", null).isEmpty());
  }

  @Test
  void anIssuerNeedsAClientIdAndSecret() {
    IllegalStateException noSecret =
        assertThrows(
            IllegalStateException.class,
            () -> settings("https://idp.example.com/realms/x", "relata", null, "openid", null));
    assertTrue(noSecret.getMessage().contains("RELATA_OIDC_CLIENT_SECRET"), noSecret.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> settings("https://idp.example.com/realms/x", " ", "secret", "openid", null));
  }

  @Test
  void plainHttpOnlyOnThisMachine() {
    IllegalStateException remote =
        assertThrows(
            IllegalStateException.class,
            () -> settings("http://idp.example.com", "relata", "secret", "openid", null));
    assertTrue(remote.getMessage().contains("https"), remote.getMessage());
    assertEquals(
        "localhost",
        settings("http://localhost:8180/realms/x", "relata", "secret", "openid", null)
            .orElseThrow()
            .issuer()
            .getHost());
  }

  @Test
  void scopesMustAskForOpenidAndARedirectMustBeAbsolute() {
    assertThrows(
        IllegalStateException.class,
        () -> settings("https://idp.example.com", "relata", "secret", "profile email", null));
    assertThrows(
        IllegalStateException.class,
        () -> settings("https://idp.example.com", "relata", "secret", "openid", "/sso/callback"));
    OidcSettings on =
        settings(
                "https://idp.example.com",
                "relata",
                "secret",
                "openid, profile email",
                "https://crm.example.com/sso/callback")
            .orElseThrow();
    assertEquals(List.of("openid", "profile", "email"), on.scopes());
    assertEquals("crm.example.com", on.redirectUri().orElseThrow().getHost());
  }
}
