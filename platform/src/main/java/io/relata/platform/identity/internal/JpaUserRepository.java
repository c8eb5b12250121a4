package io.relata.platform.identity.internal;

import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** {@link UserRepository} on JPA. */
@ApplicationScoped
@Transactional
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "relata")
  private EntityManager em;

  @Override
  public Optional<User> find(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return em.createQuery("select u from User u where u.username = :username", User.class)
        .setParameter("username", User.normalise(username))
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(User user) {
    em.persist(user);
    em.flush();
  }

  @Override
  public boolean addIfAbsent(User user) {
    int inserted =
        em.createNativeQuery(
                "insert into relata.app_user (id, username, password_hash, active, created_at)"
                    + " values (?1, ?2, ?3, ?4, ?5) on conflict (username) do nothing")
            .setParameter(1, user.id())
            .setParameter(2, user.username())
            .setParameter(3, user.passwordHash())
            .setParameter(4, user.active())
            .setParameter(5, user.createdAt())
            .executeUpdate();
    return inserted == 1;
  }

  @Override
  public void assignPermissionSet(UUID user, String permissionSet) {
    em.createNativeQuery(
            "insert into relata.permission_set_assignment (permission_set, user_id)"
                + " values (?1, ?2) on conflict do nothing")
        .setParameter(1, permissionSet)
        .setParameter(2, user)
        .executeUpdate();
  }

  @Override
  public void setRole(UUID user, Optional<String> role) {
    em.createNativeQuery("update relata.app_user set role = ?1 where id = ?2")
        .setParameter(1, role.orElse(null))
        .setParameter(2, user)
        .executeUpdate();
  }
}
