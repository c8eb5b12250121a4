package io.relata.platform.audit;

import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ListLimit;
import io.relata.platform.rest.PathIds;
import io.relata.platform.rest.ProblemException.Violation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Which entries a reader of the audit asks for: by actor, object, record, action and time ({@code
 * from} inclusive, {@code to} exclusive), newest first, a page at a time.
 *
 * @param before the cursor: entries with a smaller id than this one
 */
public record AuditQuery(
    Optional<UUID> user,
    Optional<String> object,
    Optional<UUID> record,
    Optional<String> action,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to,
    int limit,
    OptionalLong before) {

  /** The query of these request parameters; 400 naming every parameter that is wrong. */
  public static AuditQuery of(
      String user,
      String object,
      String record,
      String action,
      String from,
      String to,
      String limit,
      String cursor) {
    List<Violation> problems = new ArrayList<>();
    AuditQuery query =
        new AuditQuery(
            id("user", user, problems),
            Optional.ofNullable(object),
            id("record", record, problems),
            Optional.ofNullable(action),
            time("from", from, problems),
            time("to", to, problems),
            limit(limit, problems),
            cursor(cursor, problems));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return query;
  }

  /** The cursor of the page after one that ends with entry {@code id}. */
  static String cursor(long id) {
    return Long.toString(id, 36);
  }

  private static OptionalLong cursor(String cursor, List<Violation> problems) {
    if (cursor == null) {
      return OptionalLong.empty();
    }
    try {
      long id = Long.parseLong(cursor, 36);
      if (id > 0) {
        return OptionalLong.of(id);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    problems.add(new Violation("cursor", "query.cursor", List.of()));
    return OptionalLong.empty();
  }

  private static Optional<UUID> id(String name, String text, List<Violation> problems) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<UUID> id = PathIds.uuid(text);
    if (id.isEmpty()) {
      problems.add(new Violation(name, "query.type", List.of("an id")));
    }
    return id;
  }

  private static Optional<OffsetDateTime> time(String name, String text, List<Violation> problems) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      problems.add(
          new Violation(name, "query.type", List.of("a date-time such as 2026-11-24T09:00:00Z")));
      return Optional.empty();
    }
  }

  private static int limit(String limit, List<Violation> problems) {
    try {
      return ListLimit.parse(limit);
    } catch (InvalidRequestException e) {
      problems.addAll(e.violations());
      return ListLimit.DEFAULT;
    }
  }
}
