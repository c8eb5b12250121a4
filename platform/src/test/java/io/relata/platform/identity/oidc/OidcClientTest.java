package io.relata.platform.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checks of a callback that come before any word with the provider; the round trip itself is
 * tested against a real provider in the ui module's {@code SingleSignOnIT}.
 */
class OidcClientTest {

  private static final Instant STARTED = Instant.parse("2026-11-24T08:00:00Z");
  private static final URI CALLBACK = URI.create("https://crm.example.com/sso/callback");

  /** A provider that is never reached: the port is closed. */
  private final OidcSettings settings =
      OidcSettings.of(
              Optional.of("http://localhost:1/realms/none"),
              Optional.of("relata"),
              Optional.of("secret"),
              "preferred_username",
              "openid",
              Optional.empty(),
              "Sign-on")
          .orElseThrow();

  private final PendingSignOn pending =
      new PendingSignOn("state-1", "nonce-1", "verifier-".repeat(6), CALLBACK, STARTED);

  private OidcClient at(Instant now) {
    return new OidcClient(Optional.of(settings), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aCallbackWithAnotherStateOrNoneIsRefused() {
    OidcClient client = at(STARTED.plusSeconds(5));
    assertRefused(client, "code=abc&state=state-2", "state");
    assertRefused(client, "code=abc", "state");
  }

  @Test
  void theProvidersRefusalIsPassedOn() {
    assertRefused(at(STARTED), "error=access_denied&state=state-1", "access_denied");
  }

  @Test
  void aBrowserThatTakesLongerThanTheLimitIsRefused() {
    OidcClient late = at(STARTED.plus(OidcClient.PATIENCE).plus(Duration.ofSeconds(1)));
    assertRefused(late, "code=abc&state=state-1", "came back after");
  }

  @Test
  void withTheChecksPassedAnUnreachableProviderIsARefusalNotACrash() {
    assertRefused(at(STARTED), "code=abc&state=state-1", "discovery");
  }

  @Test
  void withSingleSignOnOffNothingStarts() {
    OidcClient off = new OidcClient(Optional.empty(), Clock.systemUTC());
    assertThrows(SignOnRefused.class, () -> off.start(CALLBACK));
  }

  private void assertRefused(OidcClient client, String query, String reason) {
    SignOnRefused refused = assertThrows(SignOnRefused.class, () -> client.finish(query, pending));
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }
}
