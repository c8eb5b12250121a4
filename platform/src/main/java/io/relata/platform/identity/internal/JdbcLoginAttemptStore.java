package io.relata.platform.identity.internal;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.AdvisoryLocks;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.LoginAttemptStore;
import io.relata.platform.identity.LoginAttempts;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link LoginAttemptStore} on {@code relata.login_failure}. Every attempt runs the same four
 * statements (insert if absent, lock, write back, audit) in one transaction, whether the name
 * exists, failed or succeeded, so that timing tells nothing.
 */
@ApplicationScoped
public class JdbcLoginAttemptStore implements LoginAttemptStore {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  /** For CDI, which injects the data source. */
  public JdbcLoginAttemptStore() {}

  /** On a data source of the caller's, outside a container. */
  JdbcLoginAttemptStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean attempt(
      byte[] key,
      OffsetDateTime now,
      Function<LoginAttempts.State, LoginAttempts.Outcome> decision,
      Function<Boolean, AuditEntry> audit) {
    try {
      return Transactions.run(
          dataSource,
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO relata.login_failure (username_digest, failures, last_attempt_at)"
                        + " VALUES (?, 0, ?) ON CONFLICT (username_digest) DO NOTHING")) {
              insert.setBytes(1, key);
              insert.setObject(2, now);
              insert.executeUpdate();
            }
            LoginAttempts.State current;
            try (PreparedStatement lock =
                connection.prepareStatement(
                    "SELECT failures, locked_until FROM relata.login_failure"
                        + " WHERE username_digest = ? FOR UPDATE")) {
              lock.setBytes(1, key);
              try (ResultSet row = lock.executeQuery()) {
                row.next();
                current =
                    new LoginAttempts.State(row.getInt(1), row.getObject(2, OffsetDateTime.class));
              }
            }
            LoginAttempts.Outcome outcome = decision.apply(current);
            try (PreparedStatement write =
                connection.prepareStatement(
                    "UPDATE relata.login_failure SET failures = ?, locked_until = ?,"
                        + " last_attempt_at = ? WHERE username_digest = ?")) {
              write.setInt(1, outcome.next().failures());
              write.setObject(2, outcome.next().lockedUntil());
              write.setObject(3, now);
              write.setBytes(4, key);
              write.executeUpdate();
            }
            AuditLog.append(connection, audit.apply(outcome.admitted()));
            return outcome.admitted();
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record a login attempt", e);
    }
  }

  @Override
  public int forgetQuietSince(OffsetDateTime before) {
    try {
      return Transactions.run(
          dataSource,
          connection -> {
            if (!AdvisoryLocks.tryForTransaction(connection, CLEANUP_LOCK)) {
              return 0;
            }
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM relata.login_failure WHERE last_attempt_at < ?"
                        + " AND (locked_until IS NULL OR locked_until < ?)")) {
              delete.setObject(1, before);
              delete.setObject(2, before);
              return delete.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot forget old login failures", e);
    }
  }
}
