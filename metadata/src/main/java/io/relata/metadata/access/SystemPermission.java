package io.relata.metadata.access;

import java.util.Arrays;
import java.util.Optional;

/** Rights that belong to no object. */
public enum SystemPermission {
  MANAGE_METADATA("manage-metadata"),
  MANAGE_USERS("manage-users"),
  EXPORT("export"),
  RUN_SCRIPTS("run-scripts"),
  VIEW_AUDIT("view-audit");

  private final String json;

  SystemPermission(String json) {
    this.json = json;
  }

  /** The spelling in documents. */
  public String json() {
    return json;
  }

  public static Optional<SystemPermission> of(String json) {
    return Arrays.stream(values()).filter(v -> v.json.equals(json)).findFirst();
  }
}
