package io.relata.metadata.condition;

/** Where a condition is used, which decides what it may refer to. */
public enum Scope {
  /**
   * Compiled to SQL: list views, filters, counts, sharing rules. Only stored fields (no formulas,
   * no JSON); no prior values.
   */
  QUERY,
  /** Evaluated on a record as read: formulas. Every field; no prior values. */
  RECORD,
  /**
   * Evaluated on a record being written: validation rules, later automation conditions. Every
   * field, {@code prior(field)} and {@code field is changed}.
   */
  WRITE
}
