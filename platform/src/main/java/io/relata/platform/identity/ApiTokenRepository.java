package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The stored API tokens. */
public interface ApiTokenRepository {

  /** Stores a new token and its audit entry in one transaction. */
  void add(ApiToken token, AuditEntry issued);

  /** The permission sets the user holds now, directly or through a group. */
  Set<String> permissionSetsOf(UUID userId);

  /** The tokens issued to this user, newest first. */
  List<ApiToken> ofUser(UUID userId);

  /**
   * Applies {@code change} to the user's token with this id, under a row lock, and stores it with
   * its audit entry (which names the token) in one transaction; nothing is stored when there is no
   * such token.
   *
   * @return whether the user has such a token
   */
  boolean change(UUID userId, UUID tokenId, Consumer<ApiToken> change, AuditEntry audit);

  /** What authenticating a token needs to know: the token's state and its user's. */
  record Holder(Actor user, boolean userActive, OffsetDateTime expiresAt, boolean revoked) {

    /** Whether the token may be used at {@code now}. */
    public boolean validAt(OffsetDateTime now) {
      return userActive && !revoked && now.isBefore(expiresAt);
    }
  }

  /**
   * The token whose secret has this SHA-256 digest, with its user, in one read. Every API request
   * asks this, so it is one query outside any transaction.
   */
  Optional<Holder> findByHash(byte[] tokenHash);
}
