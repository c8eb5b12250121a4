package io.relata.platform.record;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.ProblemException.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which part of a record's timeline a reader asks for: kinds of item, newest first, a page at a
 * time.
 *
 * @param kinds the kinds of item to show
 * @param before the cursor: items older than the one it names
 */
public record TimelineQuery(Set<Kind> kinds, int limit, OptionalLong before) {

  /** A kind of timeline item, as a reader filters by it. */
  public enum Kind {
    /** The record's own history: created, fields changed, stage and owner moves, shares. */
    HISTORY;

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TimelineQuery {
    kinds = Set.copyOf(kinds);
  }

  /** Every kind, the first page, the default size. */
  public static TimelineQuery first() {
    return new TimelineQuery(EnumSet.allOf(Kind.class), ListLimit.DEFAULT, OptionalLong.empty());
  }

  /**
   * The query of these request parameters ({@code kind} comma-separated, every kind when absent);
   * 400 naming every parameter that is wrong.
   */
  public static TimelineQuery of(String kind, String limit, String cursor) {
    List<Violation> problems = new ArrayList<>();
    Set<Kind> kinds = kinds(kind, problems);
    int size = ListLimit.DEFAULT;
    try {
      size = ListLimit.parse(limit);
    } catch (InvalidRequestException e) {
      problems.addAll(e.violations());
    }
    OptionalLong before = cursor(cursor, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new TimelineQuery(kinds, size, before);
  }

  /**
   * The timeline id of history entry {@code id}, which is also the cursor of the page after one
   * that ends with it.
   */
  static String cursor(long id) {
    return "h" + Long.toString(id, 36);
  }

  private static Set<Kind> kinds(String text, List<Violation> problems) {
    if (text == null) {
      return EnumSet.allOf(Kind.class);
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (String name : text.split(",", -1)) {
      Kind found = null;
      for (Kind kind : Kind.values()) {
        if (kind.json().equals(name.trim())) {
          found = kind;
        }
      }
      if (found == null) {
        problems.add(
            new Violation(
                "kind",
                "query.timeline-kind",
                List.of(
                    name,
                    String.join(
                        ", ", EnumSet.allOf(Kind.class).stream().map(Kind::json).toList()))));
      } else {
        kinds.add(found);
      }
    }
    return kinds;
  }

  private static OptionalLong cursor(String cursor, List<Violation> problems) {
    if (cursor == null) {
      return OptionalLong.empty();
    }
    if (cursor.startsWith("h")) {
      try {
        long id = Long.parseLong(cursor.substring(1), 36);
        if (id > 0) {
          return OptionalLong.of(id);
        }
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    problems.add(new Violation("cursor", "query.cursor", List.of()));
    return OptionalLong.empty();
  }
}
