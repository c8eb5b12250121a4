package io.relata.platform.record;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.ProblemException.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which part of a record's timeline a reader asks for: kinds of item, newest first, a page at a
 * time.
 *
 * @param kinds the kinds asked for: {@code history}, {@code activity} (every activity), or kinds of
 *     activity ({@code call}); empty for everything. Whether a name is a kind is decided against
 *     the current metadata, where the activity kinds live.
 * @param after where the previous page ended
 */
public record TimelineQuery(Set<String> kinds, int limit, Position after) {

  /** Items of the record's own history: created, fields changed, stage and owner moves, shares. */
  public static final String HISTORY = "history";

  /** Every activity about the record, whatever its kind. */
  public static final String ACTIVITY = "activity";

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern CURSOR =
      Pattern.compile("h([0-9a-z]{0,13})_a(?:(-?[0-9a-z]{1,13})\\.([0-9a-f-]{36}))?");

  public TimelineQuery {
    kinds = Set.copyOf(kinds);
  }

  /**
   * Where a page ended in each of the timeline's two streams, newest first: the audit entries by
   * id, the activities by their time and id. Empty where the page took nothing from the stream.
   */
  public record Position(OptionalLong history, Optional<ActivityKey> activity) {

    public static final Position START = new Position(OptionalLong.empty(), Optional.empty());

    /** The cursor of the page that starts here. */
    String cursor() {
      return "h"
          + (history.isPresent() ? Long.toString(history.getAsLong(), 36) : "")
          + "_a"
          + activity
              .map(
                  key -> {
                    Instant at = key.at().toInstant();
                    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
                    return Long.toString(micros, 36) + "." + key.id();
                  })
              .orElse("");
    }
  }

  /**
   * An activity's place in the timeline: its time (when it is due, else when it was logged), then
   * its id.
   */
  public record ActivityKey(OffsetDateTime at, UUID id) {}

  /** Every kind, the first page, the default size. */
  public static TimelineQuery first() {
    return new TimelineQuery(Set.of(), ListLimit.DEFAULT, Position.START);
  }

  /** Whether the reader asked for {@code kind}, directly or by asking for everything. */
  boolean wants(String kind) {
    return kinds.isEmpty() || kinds.contains(kind);
  }

  /**
   * The query of these request parameters ({@code kind} comma-separated, every kind when absent);
   * 400 naming every parameter that is wrong.
   */
  public static TimelineQuery of(String kind, String limit, String cursor) {
    List<Violation> problems = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    if (kind != null) {
      for (String name : kind.split(",", -1)) {
        if (KIND.matcher(name.trim()).matches()) {
          kinds.add(name.trim());
        } else {
          problems.add(
              new Violation(
                  "kind", "query.timeline-kind", List.of(name, HISTORY + ", " + ACTIVITY)));
        }
      }
    }
    int size = ListLimit.DEFAULT;
    try {
      size = ListLimit.parse(limit);
    } catch (InvalidRequestException e) {
      problems.addAll(e.violations());
    }
    Position after = position(cursor, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new TimelineQuery(kinds, size, after);
  }

  private static Position position(String cursor, List<Violation> problems) {
    if (cursor == null) {
      return Position.START;
    }
    var match = CURSOR.matcher(cursor);
    if (match.matches()) {
      try {
        OptionalLong history =
            match.group(1).isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(match.group(1), 36));
        Optional<ActivityKey> activity = Optional.empty();
        if (match.group(2) != null) {
          Instant at = Instant.EPOCH.plus(Long.parseLong(match.group(2), 36), ChronoUnit.MICROS);
          activity =
              Optional.of(
                  new ActivityKey(at.atOffset(ZoneOffset.UTC), UUID.fromString(match.group(3))));
        }
        return new Position(history, activity);
      } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
        // refused below
      }
    }
    problems.add(new Violation("cursor", "query.cursor", List.of()));
    return Position.START;
  }
}
