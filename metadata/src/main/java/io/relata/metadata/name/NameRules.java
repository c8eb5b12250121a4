package io.relata.metadata.name;

import io.relata.metadata.definition.SystemFields;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a candidate is an acceptable name for an object or a field.
 *
 * <p>Problems are returned as values, never thrown: a metadata change collects every problem of
 * every document before it answers.
 */
public final class NameRules {

  /** PostgreSQL truncates identifiers beyond NAMEDATALEN - 1 bytes; names are ASCII, so chars. */
  public static final int MAX_LENGTH = 63;

  /**
   * Snake case, optionally behind a namespace and two underscores ({@code sales__deal}): a plugin's
   * documents carry its namespace, so that they never take an admin's or another plugin's name.
   */
  private static final Pattern SNAKE_CASE =
      Pattern.compile("(?:[a-z][a-z0-9]{0,19}__)?[a-z][a-z0-9]*(?:_[a-z0-9]+)*");

  /**
   * PostgreSQL's reserved key words, and the words of the condition language: a field named {@code
   * and}, {@code me} or {@code today} could not be named in a condition, even though generated SQL
   * quotes every identifier.
   */
  private static final Set<String> RESERVED_WORDS =
      Set.of(
          """
          all analyse analyze and any array as asc asymmetric authorization between binary both
          case cast check collate collation column concurrently constraint contains create cross
          current_catalog current_date current_role current_schema current_time current_timestamp
          current_user default deferrable desc distinct do else end except false fetch for foreign
          freeze from full grant group having ilike in initially inner intersect into is isnull
          join lateral leading left like limit localtime localtimestamp natural not notnull null
          offset on only or order outer overlaps placing primary references returning right select
          session_user similar some symmetric system_user table tablesample then to trailing true
          union unique user using variadic verbose when where window with
          implies changed me starts today yesterday tomorrow this_week last_week next_week
          this_month last_month next_month this_quarter last_quarter next_quarter this_year
          last_year next_year
          """
              .strip()
              .split("\\s+"));

  private NameRules() {}

  /** The first rule that {@code candidate} breaks, or empty when it is an acceptable name. */
  public static Optional<NameViolation> check(String candidate) {
    if (candidate == null || candidate.isEmpty()) {
      return Optional.of(NameViolation.EMPTY);
    }
    if (candidate.length() > MAX_LENGTH) {
      return Optional.of(NameViolation.TOO_LONG);
    }
    if (!SNAKE_CASE.matcher(candidate).matches()) {
      return Optional.of(NameViolation.NOT_SNAKE_CASE);
    }
    if (SystemFields.NAMES.contains(candidate)) {
      return Optional.of(NameViolation.SYSTEM_FIELD);
    }
    if (RESERVED_WORDS.contains(candidate)) {
      return Optional.of(NameViolation.RESERVED_WORD);
    }
    return Optional.empty();
  }
}
