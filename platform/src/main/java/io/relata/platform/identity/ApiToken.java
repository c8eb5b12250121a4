package io.relata.platform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An issued API token; only the SHA-256 digest of the secret is stored. */
@Entity
@Table(schema = "relata", name = "api_token")
public class ApiToken {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "token_hash", nullable = false, unique = true)
  private byte[] tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "name")
  private String name;

  /** The permission sets of the token's scope, comma-separated; null: all the user holds. */
  @Column(name = "permission_sets")
  private String permissionSets;

  @Column(name = "read_only", nullable = false)
  private boolean readOnly;

  protected ApiToken() {}

  public ApiToken(
      UUID userId,
      byte[] tokenHash,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      String name) {
    this(userId, tokenHash, createdAt, expiresAt, name, TokenScope.FULL);
  }

  public ApiToken(
      UUID userId,
      byte[] tokenHash,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      String name,
      TokenScope scope) {
    this.permissionSets = scope.permissionSets().map(sets -> String.join(",", sets)).orElse(null);
    this.readOnly = scope.readOnly();
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.tokenHash = tokenHash.clone();
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.name = name;
  }

  public UUID id() {
    return id;
  }

  public byte[] tokenHash() {
    return tokenHash.clone();
  }

  public UUID userId() {
    return userId;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When it was revoked, if it was. */
  public Optional<OffsetDateTime> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  /** What its owner named it, if anything. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** What the token may use of its user's rights. */
  public TokenScope scope() {
    return new TokenScope(
        Optional.ofNullable(permissionSets).map(sets -> List.of(sets.split(","))), readOnly);
  }

  /** Revokes the token from {@code now} on; a token revoked earlier keeps its first revocation. */
  public void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Whether the token may be used at {@code now}. */
  public boolean validAt(OffsetDateTime now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
