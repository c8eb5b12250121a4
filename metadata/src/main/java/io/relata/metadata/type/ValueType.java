package io.relata.metadata.type;

/** The type of a condition's value, or of a part of it. */
public enum ValueType {
  TEXT,
  NUMBER,
  BOOLEAN,
  DATE,
  DATETIME,
  /** A record or user id: lookups, master-detail, users, {@code me}. */
  ID,
  /** The values of a multi-picklist. */
  LIST,
  /** Opaque JSON: only tested for emptiness. */
  ANY,
  /** The literal {@code null}: fits wherever a value of any type does. */
  NULL;

  /** Whether a value of this type may stand where {@code other} is expected. */
  public boolean fits(ValueType other) {
    return this == other || this == NULL || other == NULL;
  }

  /** Dates and date-times compare with each other: a date is its first instant in the zone. */
  public boolean temporal() {
    return this == DATE || this == DATETIME;
  }

  /** The value type a formula declares. */
  public static ValueType of(io.relata.metadata.definition.FormulaResult result) {
    return switch (result) {
      case TEXT -> TEXT;
      case NUMBER, CURRENCY, PERCENT -> NUMBER;
      case BOOLEAN -> BOOLEAN;
      case DATE -> DATE;
      case DATETIME -> DATETIME;
    };
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
