package io.relata.platform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
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

  protected ApiToken() {}

  public ApiToken(
      UUID userId, byte[] tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.tokenHash = tokenHash.clone();
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
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

  /** Whether the token may be used at {@code now}. */
  public boolean validAt(OffsetDateTime now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
