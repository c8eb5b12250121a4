package io.relata.metadata.definition;

/** The type of a formula's value. */
public enum FormulaResult {
  TEXT,
  NUMBER,
  CURRENCY,
  PERCENT,
  BOOLEAN,
  DATE,
  DATETIME
}
