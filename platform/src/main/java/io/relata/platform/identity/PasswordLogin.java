package io.relata.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a username and password against the stored users. Unknown user, frozen user, locked name
 * and wrong password are one answer, reached with the same work: the password is always verified
 * (against a decoy for an unknown user), and every attempt goes through the same {@link
 * LoginAttempts} decision and statements, under a row lock per username, so parallel guesses cannot
 * slip past a lock on any node.
 */
@ApplicationScoped
public class PasswordLogin {

  private final UserRepository users;
  private final PasswordHashing passwords;
  private final LoginAttemptStore attempts;
  private final Clock clock;
  private final LoginPolicy policy;

  @Inject
  public PasswordLogin(
      UserRepository users,
      PasswordHashing passwords,
      LoginAttemptStore attempts,
      Clock clock,
      @ConfigProperty(name = "relata.login.max-failures", defaultValue = "5") int maxFailures,
      @ConfigProperty(name = "relata.login.lockout", defaultValue = "PT15M") Duration lockout) {
    this(users, passwords, attempts, clock, new LoginPolicy(maxFailures, lockout));
  }

  PasswordLogin(
      UserRepository users,
      PasswordHashing passwords,
      LoginAttemptStore attempts,
      Clock clock,
      LoginPolicy policy) {
    this.users = users;
    this.passwords = passwords;
    this.attempts = attempts;
    this.clock = clock;
    this.policy = policy;
  }

  /** For the CDI proxy only. */
  protected PasswordLogin() {
    this.users = null;
    this.passwords = null;
    this.attempts = null;
    this.clock = null;
    this.policy = null;
  }

  /** The actor these credentials identify, or empty. */
  public Optional<Actor> authenticate(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      return Optional.empty();
    }
    Optional<User> user = users.findByUsername(username);
    boolean admissible;
    if (user.isEmpty()) {
      passwords.verifyDecoy(password);
      admissible = false;
    } else {
      admissible = passwords.verify(password, user.get().passwordHash()) && user.get().active();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean admitted =
        attempts.attempt(
            LoginAttempts.key(username),
            now,
            state -> LoginAttempts.decide(state, admissible, now, policy),
            outcome -> LoginAudit.entry(outcome, username, user, now));
    return admitted ? user.map(User::asActor) : Optional.empty();
  }

  /** Forgets the names nobody has tried for as long as a lock lasts. */
  public int forgetQuietNames() {
    return attempts.forgetQuietSince(OffsetDateTime.now(clock).minus(policy.lockout()));
  }
}
