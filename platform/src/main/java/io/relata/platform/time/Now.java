package io.relata.platform.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one way to read "now" for something the platform stores: from the injected clock (which tests
 * move), in UTC, to the microsecond PostgreSQL keeps, so that what a write answers is what it
 * stored.
 */
public final class Now {

  private Now() {}

  /** Now by {@code clock}. */
  public static OffsetDateTime of(Clock clock) {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }
}
