package io.relata.platform.identity;

import java.time.Duration;

/**
 * When repeated wrong passwords lock an account: after {@code maxFailures} in a row, for {@code
 * lockout}, per username, known or not; see {@link LoginAttempts}.
 */
public record LoginPolicy(int maxFailures, Duration lockout) {

  public LoginPolicy {
    if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("a lock needs at least one failure and a duration");
    }
  }
}
