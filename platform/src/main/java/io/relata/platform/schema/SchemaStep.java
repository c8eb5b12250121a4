package io.relata.platform.schema;

import io.relata.platform.message.Messages;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One DDL statement of a plan, with what it does in words a screen can show.
 *
 * @param code message code of the effect, for example {@code schema.drop-column}
 * @param args its arguments: names, and where data is touched or lost the number of rows or values
 * @param destructive whether it deletes data; such plans run only when confirmed
 * @param deferred whether it runs after the change's commit, as a job, rather than in the change:
 *     work on a large table that writers must not wait for ({@code platform.build})
 */
public record SchemaStep(
    String sql, String code, List<String> args, boolean destructive, boolean deferred) {

  public SchemaStep {
    args = List.copyOf(args);
  }

  /** A step run in the change's transaction. */
  public SchemaStep(String sql, String code, List<String> args, boolean destructive) {
    this(sql, code, args, destructive, false);
  }

  static SchemaStep of(String sql, String code, Object... args) {
    return new SchemaStep(sql, code, strings(args), false, false);
  }

  static SchemaStep destructive(String sql, String code, Object... args) {
    return new SchemaStep(sql, code, strings(args), true, false);
  }

  static SchemaStep later(String sql, String code, Object... args) {
    return new SchemaStep(sql, code, strings(args), false, true);
  }

  /** What the step does, in words: {@code code}'s text with its arguments, counts grouped. */
  public String text(Locale locale) {
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
    Object[] values =
        args.stream().map(a -> isCount(a) ? numbers.format(Long.parseLong(a)) : a).toArray();
    return Messages.text(code, locale, values);
  }

  /** Whether an argument is a number (a count or a revision) rather than a name. */
  static boolean isCount(String arg) {
    return !arg.isEmpty() && arg.chars().allMatch(Character::isDigit);
  }

  /** The object whose table the step works on: its first argument. */
  public String object() {
    return args.get(0);
  }

  private static List<String> strings(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toList();
  }
}
