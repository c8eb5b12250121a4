package io.relata.platform.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A user as administrators see them: never the password hash. {@code role} and {@code lockedUntil}
 * are null when there is none; {@code permissionSets} are the user's own assignments, {@code
 * groups} the groups they belong to (which may hold more sets).
 */
public record Account(
    UUID id,
    String username,
    boolean active,
    String role,
    List<String> permissionSets,
    List<String> groups,
    OffsetDateTime createdAt,
    OffsetDateTime lockedUntil) {

  public Account {
    permissionSets = List.copyOf(permissionSets);
    groups = List.copyOf(groups);
  }
}
