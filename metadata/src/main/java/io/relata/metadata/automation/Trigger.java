package io.relata.metadata.automation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** When an automation runs. */
public sealed interface Trigger {

  /** A write of a record. */
  enum Event {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * When in a write: {@code BEFORE} while the record is saved, to set its own fields; {@code AFTER}
   * once it is stored, in the same transaction.
   */
  enum Timing {
    BEFORE,
    AFTER
  }

  /**
   * A write of a record: of one of {@code events}, changing one of {@code fields} (any write when
   * empty), moving the record into or out of a stage (when given).
   */
  record OnWrite(
      Timing timing,
      Set<Event> events,
      List<String> fields,
      Optional<String> entersStage,
      Optional<String> leavesStage)
      implements Trigger {
    public OnWrite {
      events = Set.copyOf(events);
      fields = List.copyOf(fields);
    }
  }

  /** {@code offset} after the date or date-time in {@code field} (before it when negative). */
  record OnDate(String field, Duration offset) implements Trigger {}

  /**
   * A time of day {@code at} in {@code zone}, on {@code days} of the week: the actions run for each
   * record the automation's condition holds for then.
   */
  record OnSchedule(LocalTime at, ZoneId zone, Set<DayOfWeek> days) implements Trigger {
    public OnSchedule {
      days = Set.copyOf(days);
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a schedule needs a day");
      }
    }

    /**
     * The first moment of the schedule strictly after {@code after}. A time a change to summer time
     * skips is the first moment after the gap; one it repeats is its first occurrence.
     */
    public Instant next(Instant after) {
      ZonedDateTime local = after.atZone(zone);
      for (int day = 0; day <= 7; day++) {
        java.time.LocalDate date = local.toLocalDate().plusDays(day);
        if (!days.contains(date.getDayOfWeek())) {
          continue;
        }
        Instant moment = ZonedDateTime.of(date, at, zone).toInstant();
        if (moment.isAfter(after)) {
          return moment;
        }
      }
      throw new IllegalStateException("a week holds a day of the schedule");
    }
  }
}
