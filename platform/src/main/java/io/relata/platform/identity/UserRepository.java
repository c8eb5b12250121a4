package io.relata.platform.identity;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The stored users. */
public interface UserRepository {

  Optional<User> find(UUID id);

  /** The user with this username, in any letter case. */
  Optional<User> findByUsername(String username);

  /**
   * Applies {@code change} to the user under a row lock and stores the result, so that concurrent
   * changes (parallel logins) happen one after the other.
   *
   * @return what {@code change} answered, or empty if there is no such user
   */
  <T> Optional<T> change(UUID id, Function<User, T> change);

  /** Stores a new user; fails if the username is taken. */
  void add(User user);

  /**
   * Stores the user unless one with the same username exists, in one statement that is safe when
   * several nodes start at once.
   *
   * @return whether this call created it
   */
  boolean addIfAbsent(User user);
}
