package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Signs in a user whom an identity provider has vouched for (single sign-on): the provider's
 * username must name an active Relata user; nobody is created on the fly, so an administrator
 * decides who may enter. The password lock does not apply (no password was tried). Both outcomes
 * are audited like a password login, with {@code method: oidc} and the issuer.
 */
@ApplicationScoped
public class FederatedLogin {

  @Inject private UserRepository users;
  @Inject private Clock clock;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  /**
   * The actor the provider vouched for, or empty (unknown, frozen, or bound to another subject).
   * The first sign-on finds the user by the username claim and binds them to the provider's
   * subject; later ones find them by that subject, and a username claim that names a user bound to
   * another subject is refused, so a name someone chose at the provider cannot take another's
   * account. Names compare exactly but for the letter case of ASCII letters: a Relata username is
   * ASCII, and a claim with anything else (the Kelvin sign, which lower-cases to {@code k}) names
   * nobody.
   */
  @Transactional
  public Optional<Actor> admit(String issuer, String subject, String username) {
    Optional<User> user;
    try (Connection connection = dataSource.getConnection()) {
      Optional<UUID> bound = bound(connection, issuer, subject);
      if (bound.isPresent()) {
        user = users.find(bound.get());
      } else {
        user = asciiName(username).flatMap(users::findByUsername);
        // only an active user is bound (a frozen account's sign-on is refused, and a later thaw
        // must not let in whoever tried while it was frozen); one bound to another subject is
        // refused
        if (user.isPresent()
            && user.get().active()
            && !bind(connection, user.get().id(), issuer, subject)) {
          user = Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the single sign-on binding", e);
    }
    boolean admitted = user.map(User::active).orElse(false);
    OffsetDateTime now = OffsetDateTime.now(clock);
    AuditEntry entry = LoginAudit.entry(admitted, username, user, now);
    append(entry.with("method", "oidc").with("issuer", issuer));
    return admitted ? user.map(User::asActor) : Optional.empty();
  }

  /** The claim as a username, when it is one: ASCII only, letter case aside. */
  static Optional<String> asciiName(String claim) {
    if (claim == null || !claim.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return Optional.empty();
    }
    StringBuilder lower = new StringBuilder(claim.length());
    for (char c : claim.toCharArray()) {
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return Optional.of(lower.toString());
  }

  private static Optional<UUID> bound(Connection connection, String issuer, String subject)
      throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement(
            "SELECT id FROM relata.app_user WHERE oidc_issuer = ? AND oidc_subject = ?")) {
      find.setString(1, issuer);
      find.setString(2, subject);
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
      }
    }
  }

  /**
   * Binds {@code user} to the subject unless they are bound already (to another subject, since this
   * one found nobody); whether the user may be signed in as this subject.
   */
  private static boolean bind(Connection connection, UUID user, String issuer, String subject) {
    try (PreparedStatement bind =
        connection.prepareStatement(
            "UPDATE relata.app_user SET oidc_issuer = ?, oidc_subject = ?"
                + " WHERE id = ? AND oidc_subject IS NULL")) {
      bind.setString(1, issuer);
      bind.setString(2, subject);
      bind.setObject(3, user);
      return bind.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot bind the single sign-on subject", e);
    }
  }

  /** In the JTA transaction, on the connection the pool hands to it. */
  private void append(AuditEntry entry) {
    try (Connection connection = dataSource.getConnection()) {
      AuditLog.append(connection, entry);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the audit entry of a single sign-on", e);
    }
  }
}
