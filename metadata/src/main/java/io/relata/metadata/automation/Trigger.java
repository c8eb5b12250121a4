package io.relata.metadata.automation;

import java.time.Duration;
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
}
