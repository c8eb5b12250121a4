package io.relata.platform.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A group of users: sharing rules and record shares name it, and the permission sets assigned to it
 * are held by each member. Members are listed on their own, a page at a time.
 */
public record Group(
    UUID id,
    String name,
    String label,
    List<String> permissionSets,
    long members,
    OffsetDateTime createdAt) {

  public Group {
    permissionSets = List.copyOf(permissionSets);
  }

  /** A member as a group lists it. */
  public record Member(UUID id, String username, boolean active) {}
}
