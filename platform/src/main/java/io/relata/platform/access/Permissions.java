package io.relata.platform.access;

import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Checks system permissions (manage metadata, manage users, ...) for callers outside records. */
@ApplicationScoped
public class Permissions {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CurrentModel metadata;
  @Inject private java.time.Clock clock;

  /** 403 unless one of the actor's permission sets grants {@code permission}. */
  public void require(Actor actor, SystemPermission permission) {
    if (!holds(actor, permission)) {
      throw AccessDeniedException.system(permission.json());
    }
  }

  /**
   * 403 unless the actor holds the built-in administrator set (directly or through a group): what
   * only an administrator may do, such as granting system permissions.
   */
  public void requireAdministrator(Actor actor) {
    try (Connection connection = dataSource.getConnection()) {
      if (!Subjects.of(connection, actor).permissionSets().contains(PermissionSet.ADMINISTRATOR)) {
        throw AccessDeniedException.system(PermissionSet.ADMINISTRATOR);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the user's permissions", e);
    }
  }

  /** 403 unless the actor holds one of {@code permissions}, naming the first. */
  public void requireAny(Actor actor, SystemPermission... permissions) {
    for (SystemPermission permission : permissions) {
      if (holds(actor, permission)) {
        return;
      }
    }
    throw AccessDeniedException.system(permissions[0].json());
  }

  /** The actor's access on {@code model}, their holdings read now. */
  public AccessEvaluator evaluator(Actor actor, io.relata.metadata.model.CompiledModel model) {
    try (Connection connection = dataSource.getConnection()) {
      return AccessEvaluator.of(
          Subjects.of(connection, actor), model.access(), ModelObjects.of(model), clock);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the user's permissions", e);
    }
  }

  public boolean holds(Actor actor, SystemPermission permission) {
    try (Connection connection = dataSource.getConnection()) {
      return AccessEvaluator.of(
              Subjects.of(connection, actor),
              metadata.current().access(),
              ModelObjects.none(),
              clock)
          .holds(permission);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the user's permissions", e);
    }
  }
}
