package io.relata.platform.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A user as administrators see them: never the password hash. {@code role}, {@code lockedUntil},
 * {@code email}, {@code displayName} and {@code manager} are null when there is none; {@code
 * locale} is one of en, sv, da, fi and {@code timeZone} an IANA zone; {@code permissionSets} are
 * the user's own assignments, {@code groups} the groups they belong to (which may hold more sets).
 */
public record Account(
    UUID id,
    String username,
    boolean active,
    String role,
    List<String> permissionSets,
    List<String> groups,
    OffsetDateTime createdAt,
    OffsetDateTime lockedUntil,
    String email,
    String displayName,
    String locale,
    String timeZone,
    UUID manager) {

  public Account {
    permissionSets = List.copyOf(permissionSets);
    groups = List.copyOf(groups);
  }
}
