package io.relata.platform.identity.internal;

import io.relata.platform.identity.ApiToken;
import io.relata.platform.identity.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** {@link ApiTokenRepository} on JPA. */
@ApplicationScoped
@Transactional
public class JpaApiTokenRepository implements ApiTokenRepository {

  @PersistenceContext(unitName = "relata")
  private EntityManager em;

  @Override
  public void add(ApiToken token) {
    em.persist(token);
  }

  @Override
  public Optional<ApiToken> findByHash(byte[] tokenHash) {
    return em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }
}
