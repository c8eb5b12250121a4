package io.relata.platform.identity;

import java.util.Optional;
import java.util.UUID;

/** The stored users. */
public interface UserRepository {

  Optional<User> find(UUID id);

  /** The user with this username, in any letter case. */
  Optional<User> findByUsername(String username);

  /** Stores a new user; fails if the username is taken. */
  void add(User user);

  /**
   * Stores the user unless one with the same username exists, in one statement that is safe when
   * several nodes start at once.
   *
   * @return whether this call created it
   */
  boolean addIfAbsent(User user);

  /** Assigns a permission set to the user directly; nothing happens if it already is. */
  void assignPermissionSet(UUID user, String permissionSet);

  /** Puts the user in {@code role}, or in none. */
  void setRole(UUID user, Optional<String> role);
}
