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

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
