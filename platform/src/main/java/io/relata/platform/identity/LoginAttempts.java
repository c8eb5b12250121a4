package io.relata.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;

/**
 * The lock after repeated wrong passwords, decided per username whether or not the user exists:
 * every refusal (wrong password, unknown user, frozen user, locked account) goes through {@link
 * #decide} and is stored by the same statements, so that neither the answer nor its timing tells
 * which usernames exist, nor whether a password tried during a lock was right.
 */
public final class LoginAttempts {

  private LoginAttempts() {}

  /** The failures recorded for one username; {@link #NONE} when there are none. */
  public record State(int failures, OffsetDateTime lockedUntil) {

    public static final State NONE = new State(0, null);

    /** Whether a lock is in force at {@code now}. */
    public boolean lockedAt(OffsetDateTime now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }
  }

  /**
   * What an attempt leads to.
   *
   * @param admitted whether the user may sign in
   * @param next the state to store; {@link State#NONE} after an admission (the row can go)
   */
  public record Outcome(boolean admitted, State next) {}

  /**
   * Decides an attempt. A right password for an active user is admitted unless a lock is in force,
   * and clears the count. Any refusal counts one failure, unless a lock is in force (then nothing
   * changes, so guessing does not prolong it); the failure that reaches the policy's limit locks
   * the name and starts the count again.
   */
  public static Outcome decide(
      State current, boolean admissible, OffsetDateTime now, LoginPolicy policy) {
    if (current.lockedAt(now)) {
      return new Outcome(false, current);
    }
    if (admissible) {
      return new Outcome(true, State.NONE);
    }
    int failures = current.failures() + 1;
    return failures >= policy.maxFailures()
        ? new Outcome(false, new State(0, now.plus(policy.lockout())))
        : new Outcome(false, new State(failures, current.lockedUntil()));
  }

  /** The key of a username's attempts: SHA-256 of its stored (normalised) form. */
  public static byte[] key(String username) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(User.normalise(username).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
