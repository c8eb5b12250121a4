package io.relata.platform.access;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a user holds, read fresh for each request so that a change of role, group or permission set
 * counts from the next request on every node.
 *
 * @param groups the names of the user's groups
 * @param permissionSets assigned directly or through a group
 * @param zone the user's time zone: {@code today} and other periods in their filters are theirs
 */
public record Subject(
    UUID user, Optional<String> role, Set<String> groups, Set<String> permissionSets, ZoneId zone) {

  public Subject {
    groups = Set.copyOf(groups);
    permissionSets = Set.copyOf(permissionSets);
  }

  /** A subject in UTC. */
  public Subject(UUID user, Optional<String> role, Set<String> groups, Set<String> permissionSets) {
    this(user, role, groups, permissionSets, ZoneOffset.UTC);
  }
}
