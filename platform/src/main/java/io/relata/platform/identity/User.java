package io.relata.platform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A person or integration that signs in. Usernames are case-insensitive (kept lower-case). */
@Entity
@Table(schema = "relata", name = "app_user")
public class User {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected User() {}

  public User(String username, String passwordHash, OffsetDateTime createdAt) {
    this.id = UUID.randomUUID();
    this.username = normalise(username);
    this.passwordHash = passwordHash;
    this.active = true;
    this.createdAt = createdAt;
  }

  /** The stored form of a username: trimmed, lower-case. */
  public static String normalise(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean active() {
    return active;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** Freezes the account: it can no longer sign in, and its tokens stop working. */
  public void deactivate() {
    active = false;
  }

  /** The user as the actor of a request. */
  public Actor asActor() {
    return new Actor(id, username);
  }
}
