package io.relata.metadata.access;

import java.util.Arrays;
import java.util.Optional;

/** What a permission set lets its users do with one field, from least to most. */
public enum FieldAccess {
  HIDDEN("hidden"),
  READ_ONLY("read-only"),
  EDITABLE("editable");

  private final String json;

  FieldAccess(String json) {
    this.json = json;
  }

  /** The spelling in documents. */
  public String json() {
    return json;
  }

  public static Optional<FieldAccess> of(String json) {
    return Arrays.stream(values()).filter(v -> v.json.equals(json)).findFirst();
  }

  /** The more permissive of the two: rights from several sets add up. */
  public FieldAccess or(FieldAccess other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
