package io.relata.metadata.automation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hours a team works in one time zone, and its holidays: what a service-level clock counts.
 * Pure: given the same instants it gives the same answers, so a clock is recomputed from its
 * record's history whenever the calendar or the history changes. Days are the zone's own, so a
 * change to or from summer time moves the hours with the wall clock.
 */
public record BusinessCalendar(
    String name,
    String label,
    ZoneId zone,
    Map<DayOfWeek, List<Hours>> week,
    Set<LocalDate> holidays) {

  /** How far a search for working time goes before it gives up: a calendar with no hours. */
  private static final int MAX_DAYS = 3660;

  public BusinessCalendar {
    Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, hours) -> copy.put(day, List.copyOf(hours)));
    week = java.util.Collections.unmodifiableMap(copy);
    holidays = Set.copyOf(holidays);
  }

  /**
   * Working hours of one day, {@code to} after {@code from}; {@code to} may be midnight (24:00).
   */
  public record Hours(LocalTime from, LocalTime to, boolean toMidnight) {}

  /** Working time between {@code from} and {@code to}; zero when {@code to} is not after it. */
  public Duration between(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (Instant[] open : openings(day)) {
        Instant start = open[0].isAfter(from) ? open[0] : from;
        Instant end = open[1].isBefore(to) ? open[1] : to;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of working time has passed since {@code from}: {@code from}
   * itself for none. Throws when the calendar has no working time in ten years.
   */
  public Instant plus(Instant from, Duration amount) {
    Duration left = amount;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      for (Instant[] open : openings(day)) {
        Instant start = open[0].isAfter(from) ? open[0] : from;
        if (!open[1].isAfter(start)) {
          continue;
        }
        Duration here = Duration.between(start, open[1]);
        if (left.compareTo(here) <= 0) {
          return start.plus(left);
        }
        left = left.minus(here);
      }
      if (left.isZero()) {
        return from;
      }
    }
    throw new IllegalStateException("calendar " + name + " has no working time in ten years");
  }

  /** The day's working hours as instants, in order; none on a holiday or a closed day. */
  private List<Instant[]> openings(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    return week.getOrDefault(day.getDayOfWeek(), List.of()).stream()
        .map(
            hours ->
                new Instant[] {
                  ZonedDateTime.of(day, hours.from(), zone).toInstant(),
                  hours.toMidnight()
                      ? day.plusDays(1).atStartOfDay(zone).toInstant()
                      : ZonedDateTime.of(day, hours.to(), zone).toInstant()
                })
        .toList();
  }
}
