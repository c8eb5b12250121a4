package io.relata.metadata.expression;

/** The type of an expression's value. {@code ANY} (JSON, multi-picklist) fits everywhere. */
public enum ValueType {
  TEXT,
  NUMBER,
  BOOLEAN,
  DATE,
  DATETIME,
  ANY,
  /** The literal {@code null}: fits wherever a value of any type does. */
  NULL;

  /** Whether a value of this type may stand where {@code other} is expected. */
  public boolean fits(ValueType other) {
    return this == other || this == ANY || this == NULL || other == ANY || other == NULL;
  }
}
