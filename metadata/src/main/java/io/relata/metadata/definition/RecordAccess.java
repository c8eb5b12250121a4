package io.relata.metadata.definition;

/** The org-wide default: what users may do with records they do not own. */
public enum RecordAccess {
  PRIVATE,
  READ,
  READ_WRITE
}
