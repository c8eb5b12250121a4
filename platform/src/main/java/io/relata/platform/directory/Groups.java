package io.relata.platform.directory;

import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Groups as administrators manage them: create or relabel by name, assign permission sets, add and
 * remove members, delete. Every change checks {@code manage-users} itself, whichever screen or
 * request asks for it. Deleting a group ends its members' shares and sets through it; sharing rules
 * that name it grant nothing until a group of that name exists again.
 */
@ApplicationScoped
public class Groups {

  private static final String GROUP =
      "SELECT g.id, g.name, g.label, g.created_at,"
          + " ARRAY(SELECT a.permission_set FROM relata.permission_set_assignment a"
          + "   WHERE a.group_id = g.id ORDER BY 1),"
          + " (SELECT count(*) FROM relata.group_member m WHERE m.group_id = g.id)"
          + " FROM relata.user_group g";

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private MetadataService metadata;
  @Inject private Clock clock;
  @Inject private Permissions permissions;

  /** What {@link #put} did. */
  public record Put(Group group, boolean created) {}

  /** Groups ordered by name, after the cursor's. */
  public Page<Group> list(Optional<String> cursor, int limit) {
    Optional<String> after = cursor.map(c -> Page.decode(c).orElseThrow(Users::badCursor));
    return read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  GROUP
                      + (after.isPresent() ? " WHERE g.name > ?" : "")
                      + " ORDER BY g.name LIMIT ?")) {
            int i = 1;
            if (after.isPresent()) {
              statement.setString(i++, after.get());
            }
            statement.setInt(i, limit + 1);
            return Page.of(groups(statement), limit, Group::name);
          }
        });
  }

  /** The group, or 404. */
  public Group get(String name) {
    return read(connection -> find(connection, name, false)).orElseThrow(() -> notFound(name));
  }

  /**
   * Creates the group, or changes its label and, when given, replaces its permission sets. Giving a
   * group the administrator set, or taking it away, needs that set.
   */
  public Put put(Actor actor, GroupBodies.Body body) {
    return store(actor, body, false);
  }

  /**
   * Creates the group, and only that: 409 at {@code /name} when the name is taken, also when
   * another admin created it a moment ago (what a "new group" form means, unlike {@link #put}).
   */
  public Group create(Actor actor, GroupBodies.Body body) {
    return store(actor, body, true).group();
  }

  private Put store(Actor actor, GroupBodies.Body body, boolean createOnly) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    String name = body.name();
    String label = body.label();
    Optional<List<String>> permissionSets = body.permissionSets();
    Assignments.requireKnown(metadata.current().access(), Optional.empty(), permissionSets);
    return write(
        connection -> {
          boolean created;
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO relata.user_group (id, name, label, created_at)"
                      + " VALUES (?, ?, ?, ?)"
                      + (createOnly
                          ? " ON CONFLICT (name) DO NOTHING"
                          : " ON CONFLICT (name) DO UPDATE SET label = excluded.label")
                      + " RETURNING (xmax = 0)")) {
            upsert.setObject(1, UUID.randomUUID());
            upsert.setString(2, name);
            upsert.setString(3, label);
            upsert.setObject(4, Now.of(clock));
            try (ResultSet row = upsert.executeQuery()) {
              if (!row.next()) {
                throw new ConflictException(
                    "problem.group-taken",
                    List.of(new Violation("/name", "group.name-taken", List.of(name))),
                    Map.of(),
                    name);
              }
              created = row.getBoolean(1);
            }
          }
          Group group = find(connection, name, true).orElseThrow();
          if (permissionSets.isPresent()) {
            Assignments.requireAdministratorIfItMoves(
                connection, actor, group.permissionSets(), permissionSets.get());
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM relata.permission_set_assignment WHERE group_id = ?")) {
              delete.setObject(1, group.id());
              delete.executeUpdate();
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO relata.permission_set_assignment (permission_set, group_id)"
                        + " SELECT s, ? FROM unnest(?::text[]) s")) {
              insert.setObject(1, group.id());
              insert.setArray(2, connection.createArrayOf("text", permissionSets.get().toArray()));
              insert.executeUpdate();
            }
          }
          Group stored = find(connection, name, false).orElseThrow();
          AuditLog.append(
              connection,
              actor
                  .audit(Now.of(clock), created ? "group.create" : "group.change")
                  .with("group", name)
                  .with("permissionSets", stored.permissionSets()));
          return new Put(stored, created);
        });
  }

  /** Deletes the group; its members keep their own holdings. */
  public void delete(Actor actor, String name) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    write(
        connection -> {
          Group group = find(connection, name, true).orElseThrow(() -> notFound(name));
          requireAdministratorIfHeld(connection, actor, group);
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM relata.user_group WHERE id = ?")) {
            delete.setObject(1, group.id());
            delete.executeUpdate();
          }
          AuditLog.append(
              connection, actor.audit(Now.of(clock), "group.delete").with("group", name));
          return null;
        });
  }

  /** The members, ordered by username, after the cursor's. */
  public Page<Group.Member> members(String name, Optional<String> cursor, int limit) {
    Optional<String> after = cursor.map(c -> Page.decode(c).orElseThrow(Users::badCursor));
    return read(
        connection -> {
          Group group = find(connection, name, false).orElseThrow(() -> notFound(name));
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT u.id, u.username, u.active FROM relata.group_member m"
                      + " JOIN relata.app_user u ON u.id = m.user_id WHERE m.group_id = ?"
                      + (after.isPresent() ? " AND u.username > ?" : "")
                      + " ORDER BY u.username LIMIT ?")) {
            int i = 1;
            statement.setObject(i++, group.id());
            if (after.isPresent()) {
              statement.setString(i++, after.get());
            }
            statement.setInt(i, limit + 1);
            List<Group.Member> members = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                members.add(
                    new Group.Member(
                        row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3)));
              }
            }
            return Page.of(members, limit, Group.Member::username);
          }
        });
  }

  /**
   * Adds or removes a member; 404 when the group or the user does not exist.
   *
   * @return whether the membership changed
   */
  public boolean membership(Actor actor, String name, UUID user, boolean member) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    return write(
        connection -> {
          Group group = find(connection, name, true).orElseThrow(() -> notFound(name));
          requireUser(connection, name, user);
          requireAdministratorIfHeld(connection, actor, group);
          try (PreparedStatement change =
              connection.prepareStatement(
                  member
                      ? "INSERT INTO relata.group_member (group_id, user_id) VALUES (?, ?)"
                          + " ON CONFLICT DO NOTHING"
                      : "DELETE FROM relata.group_member WHERE group_id = ? AND user_id = ?")) {
            change.setObject(1, group.id());
            change.setObject(2, user);
            boolean changed = change.executeUpdate() == 1;
            if (changed) {
              AuditLog.append(
                  connection,
                  actor
                      .audit(Now.of(clock), member ? "group.member-add" : "group.member-remove")
                      .on("user", user)
                      .with("group", name));
            }
            return changed;
          }
        });
  }

  private static void requireUser(Connection connection, String group, UUID user)
      throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement("SELECT 1 FROM relata.app_user WHERE id = ?")) {
      exists.setObject(1, user);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          throw new NotFoundProblem("/api/v1/groups/" + group + "/members/" + user);
        }
      }
    }
  }

  /** Whoever changes who is in a group that holds the administrator set must hold it. */
  private static void requireAdministratorIfHeld(Connection connection, Actor actor, Group group)
      throws SQLException {
    if (group.permissionSets().contains(PermissionSet.ADMINISTRATOR)) {
      Assignments.requireAdministrator(connection, actor);
    }
  }

  private Optional<Group> find(Connection connection, String name, boolean lock)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            GROUP + " WHERE g.name = ?" + (lock ? " FOR UPDATE OF g" : ""))) {
      statement.setString(1, name);
      return groups(statement).stream().findFirst();
    }
  }

  private static List<Group> groups(PreparedStatement statement) throws SQLException {
    List<Group> groups = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        groups.add(
            new Group(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                Users.names(row.getArray(5)),
                row.getLong(6),
                row.getObject(4, OffsetDateTime.class)));
      }
    }
    return groups;
  }

  private static NotFoundProblem notFound(String name) {
    return new NotFoundProblem("/api/v1/groups/" + name);
  }

  private <T> T read(Transactions.Work<T> work) {
    return DirectoryJdbc.read(dataSource, work);
  }

  private <T> T write(Transactions.Work<T> work) {
    return DirectoryJdbc.write(dataSource, work);
  }
}
