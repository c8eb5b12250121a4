package io.relata.platform.schema;

import java.util.List;

/**
 * One DDL statement of a plan, with what it does in words a screen can show.
 *
 * @param code message code of the effect, for example {@code schema.drop-column}
 * @param args its arguments: names, and for destructive steps the number of values lost
 * @param destructive whether it deletes data; such plans run only when confirmed
 */
public record SchemaStep(String sql, String code, List<String> args, boolean destructive) {

  public SchemaStep {
    args = List.copyOf(args);
  }

  static SchemaStep of(String sql, String code, Object... args) {
    return new SchemaStep(
        sql, code, java.util.Arrays.stream(args).map(String::valueOf).toList(), false);
  }

  static SchemaStep destructive(String sql, String code, Object... args) {
    return new SchemaStep(
        sql, code, java.util.Arrays.stream(args).map(String::valueOf).toList(), true);
  }
}
