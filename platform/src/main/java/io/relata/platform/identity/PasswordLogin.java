package io.relata.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a username and password against the stored users. Unknown user, inactive user, locked user
 * and wrong password are one answer, reached in the same time (the password is always verified), so
 * that the answer does not tell which usernames exist. Wrong passwords for a known user count
 * towards a lock ({@link LoginPolicy}); the count is kept in the user's row, changed under a row
 * lock, so parallel guesses cannot slip past it on any node.
 */
@ApplicationScoped
public class PasswordLogin {

  private final UserRepository users;
  private final PasswordHashing passwords;
  private final Clock clock;
  private final LoginPolicy policy;

  @Inject
  public PasswordLogin(
      UserRepository users,
      PasswordHashing passwords,
      Clock clock,
      @ConfigProperty(name = "relata.login.max-failures", defaultValue = "5") int maxFailures,
      @ConfigProperty(name = "relata.login.lockout", defaultValue = "PT15M") Duration lockout) {
    this(users, passwords, clock, new LoginPolicy(maxFailures, lockout));
  }

  PasswordLogin(UserRepository users, PasswordHashing passwords, Clock clock, LoginPolicy policy) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
    this.policy = policy;
  }

  /** For the CDI proxy only. */
  protected PasswordLogin() {
    this.users = null;
    this.passwords = null;
    this.clock = null;
    this.policy = null;
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
    OffsetDateTime now = OffsetDateTime.now(clock);
    UUID id = user.get().id();
    if (!matches) {
      users.change(
          id,
          u -> {
            u.loginFailed(now, policy);
            return u;
          });
      return Optional.empty();
    }
    return users.change(id, u -> u.loginSucceeded(now) ? u.asActor() : null);
  }
}
