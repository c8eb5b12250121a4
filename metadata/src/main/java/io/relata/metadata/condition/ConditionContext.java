package io.relata.metadata.condition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * What a condition is evaluated against besides the record: the moment (one clock read per write or
 * query), the user's time zone (for {@code today}, periods and the dates of instants) and the
 * acting user ({@code me}). Both back ends take the same context, so they agree.
 */
public record ConditionContext(OffsetDateTime now, ZoneId zone, Optional<UUID> me) {

  public ConditionContext {
    now = now.withOffsetSameInstant(ZoneOffset.UTC);
  }

  public static ConditionContext of(Clock clock, ZoneId zone, Optional<UUID> me) {
    return new ConditionContext(OffsetDateTime.now(clock), zone, me);
  }

  /** Today in the user's zone. */
  public LocalDate today() {
    return now.atZoneSameInstant(zone).toLocalDate();
  }

  /** The first instant of {@code day} in the user's zone. */
  public OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }
}
