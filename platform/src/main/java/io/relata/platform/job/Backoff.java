package io.relata.platform.job;

import java.time.Duration;

/**
 * How long a failed job waits before its next attempt: 10 seconds after the first failure, doubling
 * each time, at most an hour. With the default ten attempts a job keeps trying for about an hour
 * and a half before it is dead.
 */
public final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration LONGEST = Duration.ofHours(1);

  private Backoff() {}

  /** The wait after failed attempt number {@code attempt} (from 1). */
  public static Duration after(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 20);
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
