package io.relata.platform.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A share of one record as the API shows it: with a user or with a group (the other is null), for
 * {@code read} or {@code read-write}, made by hand ({@code manual}) or as a member of the record's
 * team ({@code team}).
 */
public record Share(
    Share.UserRef user,
    Share.GroupRef group,
    String access,
    String reason,
    OffsetDateTime createdAt) {

  /** The user a record is shared with. */
  public record UserRef(UUID id, String username) {}

  /** The group a record is shared with. */
  public record GroupRef(String name, String label) {}
}
