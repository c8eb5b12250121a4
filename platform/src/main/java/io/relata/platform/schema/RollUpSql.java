package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldType;

/**
 * The SQL aggregate of a roll-up over its child rows — one definition for the migration that fills
 * a new roll-up and for the writes that keep it current. Sums of no children are 0.
 */
public final class RollUpSql {

  private RollUpSql() {}

  /** {@code count(*)}, {@code coalesce(sum(<qualifier>"amount"), 0)}, {@code min(...)}, ... */
  public static String summary(FieldType.RollUp rollUp, String qualifier) {
    return switch (rollUp.function()) {
      case COUNT -> "count(*)";
      case SUM -> "coalesce(sum(" + column(rollUp, qualifier) + "), 0)";
      case MIN -> "min(" + column(rollUp, qualifier) + ")";
      case MAX -> "max(" + column(rollUp, qualifier) + ")";
    };
  }

  private static String column(FieldType.RollUp rollUp, String qualifier) {
    return qualifier + quote(rollUp.field().orElseThrow());
  }
}
