package io.relata.ui.session;

import java.time.Duration;
import java.time.Instant;

/**
 * When a signed-in browser session ends by itself: after {@code idle} without a request, or {@code
 * absolute} after sign-in however busy it was. Pure, so that tests can move time.
 */
public record SessionPolicy(Duration idle, Duration absolute) {

  public SessionPolicy {
    if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
      throw new IllegalArgumentException("session timeouts must be positive");
    }
  }

  /** Whether a session signed in at {@code signedIn} and last seen at {@code lastSeen} is over. */
  public boolean expired(Instant signedIn, Instant lastSeen, Instant now) {
    return !now.isBefore(lastSeen.plus(idle)) || !now.isBefore(signedIn.plus(absolute));
  }
}
