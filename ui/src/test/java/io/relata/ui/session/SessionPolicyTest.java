package io.relata.ui.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

  private static final Instant SIGN_IN = Instant.parse("2026-11-24T08:00:00Z");
  private final SessionPolicy policy =
      new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

  @Test
  void aSessionEndsAfterItsIdleTimeWithoutARequest() {
    assertFalse(policy.expired(SIGN_IN, SIGN_IN, SIGN_IN.plusSeconds(29 * 60 + 59)));
    assertTrue(policy.expired(SIGN_IN, SIGN_IN, SIGN_IN.plusSeconds(30 * 60)));
  }

  @Test
  void requestsKeepItAliveButNotPastItsAbsoluteLimit() {
    Instant lastSeen = SIGN_IN.plus(Duration.ofHours(11).plusMinutes(59));
    assertFalse(policy.expired(SIGN_IN, lastSeen, lastSeen.plusSeconds(59)));
    assertTrue(policy.expired(SIGN_IN, lastSeen, SIGN_IN.plus(Duration.ofHours(12))));
  }

  @Test
  void timeoutsArePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SessionPolicy(Duration.ZERO, Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SessionPolicy(Duration.ofMinutes(1), Duration.ofSeconds(-1)));
  }
}
