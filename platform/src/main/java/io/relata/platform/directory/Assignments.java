package io.relata.platform.directory;

import io.relata.metadata.access.AccessModel;
import io.relata.metadata.access.PermissionSet;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.Subjects;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks on what a user or group is given: the role and permission sets must exist in the
 * current metadata, and only a holder of the built-in {@code administrator} set may hand it out or
 * take it away — otherwise {@code manage-users} would be a way to become an administrator.
 */
final class Assignments {

  private Assignments() {}

  /** 400 naming each role or permission set that the current metadata does not define. */
  static void requireKnown(
      AccessModel model, Optional<String> role, Optional<List<String>> permissionSets) {
    List<Violation> violations = new ArrayList<>();
    role.filter(r -> model.role(r).isEmpty())
        .ifPresent(r -> violations.add(new Violation("/role", "access.unknown-role", List.of(r))));
    List<String> sets = permissionSets.orElse(List.of());
    for (int i = 0; i < sets.size(); i++) {
      if (model.permissionSet(sets.get(i)).isEmpty()) {
        violations.add(
            new Violation(
                "/permissionSets/" + i, "access.unknown-permission-set", List.of(sets.get(i))));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /**
   * 403 unless the actor holds the administrator set, when the change gives or takes it: it is
   * among {@code before} or {@code after} but not both.
   */
  static void requireAdministratorIfItMoves(
      Connection connection, Actor actor, Collection<String> before, Collection<String> after)
      throws SQLException {
    boolean moves =
        before.contains(PermissionSet.ADMINISTRATOR) != after.contains(PermissionSet.ADMINISTRATOR);
    if (moves) {
      requireAdministrator(connection, actor);
    }
  }

  /**
   * 403 unless the actor holds the administrator set, when {@code user} holds it (directly or
   * through a group): only an administrator changes an administrator's password, state or tokens,
   * or {@code manage-users} would be a way to take an administrator's account over.
   */
  static void requireAdministratorToChange(Connection connection, Actor actor, UUID user)
      throws SQLException {
    if (Subjects.load(connection, user).permissionSets().contains(PermissionSet.ADMINISTRATOR)) {
      requireAdministrator(connection, actor);
    }
  }

  /** 403 unless the actor holds the administrator set, directly or through a group. */
  static void requireAdministrator(Connection connection, Actor actor) throws SQLException {
    // Subjects.of: a token scoped to fewer sets holds only those
    if (!Subjects.of(connection, actor).permissionSets().contains(PermissionSet.ADMINISTRATOR)) {
      throw AccessDeniedException.system(PermissionSet.ADMINISTRATOR);
    }
  }
}
