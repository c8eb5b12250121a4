package io.relata.platform.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users in memory, for tests of the identity services. */
final class FakeUsers implements UserRepository {

  private final Map<UUID, User> byId = new HashMap<>();

  @Override
  public Optional<User> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return byId.values().stream()
        .filter(u -> u.username().equals(User.normalise(username)))
        .findFirst();
  }

  @Override
  public void add(User user) {
    byId.put(user.id(), user);
  }

  @Override
  public boolean addIfAbsent(User user) {
    if (findByUsername(user.username()).isPresent()) {
      return false;
    }
    add(user);
    return true;
  }

  @Override
  public void assignPermissionSet(UUID user, String permissionSet) {
    throw new UnsupportedOperationException("not needed by the login tests");
  }

  @Override
  public void setRole(UUID user, Optional<String> role) {
    throw new UnsupportedOperationException("not needed by the login tests");
  }
}
