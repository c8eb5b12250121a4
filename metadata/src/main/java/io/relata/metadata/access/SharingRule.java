package io.relata.metadata.access;

import java.util.Optional;

/**
 * Shares an object's records beyond its org-wide default: those matching {@code criteria} (a
 * filter, as in list queries) or owned by the users of {@code ownedBy}, with the users of {@code
 * sharedWith}. Exactly one of {@code criteria} and {@code ownedBy} is present.
 */
public record SharingRule(
    String name,
    String label,
    String object,
    Optional<String> criteria,
    Optional<Principal> ownedBy,
    Principal sharedWith,
    boolean readWrite) {

  /** Whom a rule names. */
  public enum Kind {
    ROLE("role"),
    ROLE_AND_SUBORDINATES("roleAndSubordinates"),
    GROUP("group");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  /** A role (alone or with the roles below it) or a group, by name. */
  public record Principal(Kind kind, String name) {}
}
