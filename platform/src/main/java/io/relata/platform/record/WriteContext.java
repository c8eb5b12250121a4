package io.relata.platform.record;

import io.relata.platform.identity.Actor;
import io.relata.platform.time.Now;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who writes, through which channel, and when: every write to records carries one (ARCHITECTURE.md,
 * "The flow of a record"). {@code now} is read once from the injected clock, so every timestamp a
 * write sets (created, updated, deleted, the audit entry) and every relative date its rules
 * evaluate agree; it is kept to the microsecond PostgreSQL stores, so what a write answers is what
 * it stored.
 *
 * @param channel where the write came from; automations and plugins write with their own
 * @param chain the automation runs that led to this write, first first: empty for a person's own
 *     write; how deep a chain may go, and that an automation does not run again for a record its
 *     own run changed, are read from it
 * @param zone the user's time zone, for relative dates ({@code today}) in rules
 * @param locale the user's language, for messages
 * @param requestId names the request in logs and hooks; writes of one request share it
 */
public record WriteContext(
    Actor actor,
    Channel channel,
    List<Cause> chain,
    OffsetDateTime now,
    ZoneId zone,
    Locale locale,
    String requestId) {

  /** The ways into the records. */
  public enum Channel {
    API,
    SCREEN,
    IMPORT,
    AUTOMATION,
    PLUGIN,
    SYSTEM
  }

  /** An automation's run for one record: what a write it makes was caused by. */
  public record Cause(String automation, String object, UUID record) {
    @Override
    public String toString() {
      return automation + " on " + object + " " + record;
    }
  }

  public WriteContext {
    chain = List.copyOf(chain);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(requestId, "requestId");
  }

  /** How many automations deep this write is: 0 for a person's own write. */
  public int automationDepth() {
    return chain.size();
  }

  /** The prefix of a test run's request id: its writes are rolled back, its runs not logged. */
  public static final String TRIAL = "trial-";

  /** This context as a test run's: the same, its request id marked. */
  public WriteContext trial() {
    return new WriteContext(actor, channel, chain, now, zone, locale, TRIAL + requestId);
  }

  /** Whether this is a test run's context, or one a test run's writes caused. */
  public boolean isTrial() {
    return requestId.startsWith(TRIAL);
  }

  /**
   * The context of a write that {@code cause} makes in this write's transaction: the same person,
   * moment, zone and request, through the automation channel, one step deeper.
   */
  public WriteContext causedBy(Cause cause) {
    List<Cause> longer = new java.util.ArrayList<>(chain);
    longer.add(cause);
    return new WriteContext(actor, Channel.AUTOMATION, longer, now, zone, locale, requestId);
  }

  /**
   * A person's write through {@code channel}, now by {@code clock}, in the zone their request read
   * with their holdings (UTC without), in English until messages speak the user's language.
   */
  public static WriteContext of(Actor actor, Channel channel, Clock clock) {
    return new WriteContext(
        actor,
        channel,
        List.of(),
        Now.of(clock),
        actor.holdings().map(h -> (ZoneId) h.zone()).orElse(ZoneOffset.UTC),
        Locale.ENGLISH,
        UUID.randomUUID().toString());
  }

  /**
   * A clock that stands at {@link #now} in the user's zone: what rules and formulas evaluate
   * relative dates against, so that one write sees one instant.
   */
  public Clock clock() {
    return Clock.fixed(now.toInstant(), zone);
  }

  /** What rules and write-time conditions are evaluated against: this moment, zone and user. */
  public io.relata.metadata.condition.ConditionContext conditions() {
    return new io.relata.metadata.condition.ConditionContext(now, zone, Optional.of(actor.id()));
  }
}
