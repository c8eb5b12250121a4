package io.relata.metadata.definition;

/** What deleting the target of a lookup does to the records that refer to it. */
public enum OnDelete {
  /** The target cannot be deleted while records refer to it. */
  RESTRICT,
  /** The references are cleared. */
  SET_NULL,
  /** The referring records are deleted too. */
  CASCADE
}
