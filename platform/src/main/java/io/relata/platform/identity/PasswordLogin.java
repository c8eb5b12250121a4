package io.relata.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a username and password against the stored users. Unknown user, inactive user and wrong
 * password are one answer, reached in the same time, so that the answer does not tell which
 * usernames exist.
 */
@ApplicationScoped
public class PasswordLogin {

  private final UserRepository users;
  private final PasswordHashing passwords;

  @Inject
  public PasswordLogin(UserRepository users, PasswordHashing passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  /** For the CDI proxy only. */
  protected PasswordLogin() {
    this(null, null);
  }

  /** The actor these credentials identify, or empty. */
  public Optional<Actor> authenticate(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      return Optional.empty();
    }
    Optional<User> user = users.findByUsername(username);
    if (user.isEmpty()) {
      passwords.verifyDecoy(password);
      return Optional.empty();
    }
    boolean matches = passwords.verify(password, user.get().passwordHash());
    return matches && user.get().active() ? Optional.of(user.get().asActor()) : Optional.empty();
  }
}
