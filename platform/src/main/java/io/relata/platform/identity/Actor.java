package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import java.io.Serializable;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The user on whose behalf a request runs; every call into the platform carries one.
 *
 * @param token the API token the request came with; null for a screen session, a login, or work the
 *     platform does on the user's behalf
 * @param held the user's holdings, read with the token; null when they are read when needed
 */
public record Actor(UUID id, String username, UUID token, Holdings held)
    implements Principal, Serializable {

  /** The id of the platform's own user (migration V22), which cannot sign in. */
  public static final UUID PLATFORM_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /**
   * The platform itself: who acts when no person's write set the work off, as when a date an
   * automation waits for comes.
   */
  public static Actor platform() {
    return new Actor(PLATFORM_ID, "relata");
  }

  /** An actor that is not using an API token. */
  public Actor(UUID id, String username) {
    this(id, username, null, null);
  }

  /** What the actor held when the request's token was checked; empty when it was not read. */
  public Optional<Holdings> holdings() {
    return Optional.ofNullable(held);
  }

  /** The API token of the request, if it came with one. */
  public Optional<UUID> viaToken() {
    return Optional.ofNullable(token);
  }

  /**
   * An audit entry for something this actor did at {@code at}; it names the API token when there is
   * one, which is how the audit records a token's use.
   */
  public AuditEntry audit(OffsetDateTime at, String action) {
    return AuditEntry.event(at, Optional.of(id), action).via(viaToken());
  }

  @Override
  public String getName() {
    return username;
  }
}
