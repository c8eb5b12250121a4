package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
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

  /** The actor the provider's {@code username} names, or empty (unknown or frozen). */
  @Transactional
  public Optional<Actor> admit(String issuer, String username) {
    Optional<User> user = users.findByUsername(username);
    boolean admitted = user.map(User::active).orElse(false);
    OffsetDateTime now = OffsetDateTime.now(clock);
    AuditEntry entry = LoginAudit.entry(admitted, username, user, now);
    append(entry.with("method", "oidc").with("issuer", issuer));
    return admitted ? user.map(User::asActor) : Optional.empty();
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
