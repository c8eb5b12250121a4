package io.relata.platform.identity.internal;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.ApiToken;
import io.relata.platform.identity.ApiTokenRepository;
import io.relata.platform.identity.Holdings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** {@link ApiTokenRepository} on JPA, except for the lookup of every request. */
@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

  private static final String FIND_BY_HASH =
      "select u.id, u.username, u.active, t.expires_at, t.revoked_at, t.id, "
          + Holdings.columns(true)
          + " from relata.api_token t join relata.app_user u on u.id = t.user_id"
          + " where t.token_hash = ?";

  @PersistenceContext(unitName = "relata")
  private EntityManager em;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Override
  @Transactional
  public void add(ApiToken token, AuditEntry issued) {
    em.persist(token);
    audit(issued);
  }

  @Override
  public Set<String> permissionSetsOf(UUID userId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + Holdings.columns(false) + " FROM relata.app_user u WHERE u.id = ?")) {
      query.setObject(1, userId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Holdings.read(row, 1, false).permissionSets() : Set.of();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the user's permission sets", e);
    }
  }

  @Override
  @Transactional
  public List<ApiToken> ofUser(UUID userId) {
    return em.createQuery(
            "select t from ApiToken t where t.userId = :user order by t.createdAt desc, t.id",
            ApiToken.class)
        .setParameter("user", userId)
        .getResultList();
  }

  @Override
  @Transactional
  public boolean change(UUID userId, UUID tokenId, Consumer<ApiToken> change, AuditEntry audit) {
    ApiToken token = em.find(ApiToken.class, tokenId, LockModeType.PESSIMISTIC_WRITE);
    if (token == null || !token.userId().equals(userId)) {
      return false;
    }
    change.accept(token);
    audit(audit);
    return true;
  }

  /**
   * Appends in the JTA transaction: inside it the pool hands out the connection the entity manager
   * uses, so the entry commits or rolls back with the token.
   */
  private void audit(AuditEntry entry) {
    try (Connection connection = dataSource.getConnection()) {
      AuditLog.append(connection, entry);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the audit entry of a token change", e);
    }
  }

  /**
   * Plain JDBC on the pooled connection, outside any transaction and without an interceptor: this
   * runs on every API request, and EclipseLink's query machinery and the transaction interceptor
   * each cost more than the query itself.
   */
  @Override
  public Optional<Holder> findByHash(byte[] tokenHash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(FIND_BY_HASH)) {
      query.setBytes(1, tokenHash);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Holder(
                new Actor(
                    row.getObject(1, UUID.class),
                    row.getString(2),
                    row.getObject(6, UUID.class),
                    Holdings.read(row, 7, true)),
                row.getBoolean(3),
                row.getObject(4, OffsetDateTime.class),
                row.getObject(5) != null));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read API tokens", e);
    }
  }
}
