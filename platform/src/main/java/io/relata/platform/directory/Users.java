package io.relata.platform.directory;

import com.fasterxml.jackson.databind.node.TextNode;
import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.LoginAttempts;
import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * User accounts as administrators manage them: list, create, freeze and thaw, set the password, the
 * role and the permission sets, lift a login lock, revoke every token. Each change runs in one
 * transaction and counts from the user's next request, on every node: access is read per request.
 */
@ApplicationScoped
public class Users {

  private static final String ACCOUNT =
      "SELECT u.id, u.username, u.active, u.role, u.created_at,"
          + " u.email, u.display_name, u.locale, u.time_zone, u.manager_id,"
          + " ARRAY(SELECT a.permission_set FROM relata.permission_set_assignment a"
          + "   WHERE a.user_id = u.id ORDER BY 1),"
          + " ARRAY(SELECT g.name FROM relata.group_member m"
          + "   JOIN relata.user_group g ON g.id = m.group_id WHERE m.user_id = u.id ORDER BY 1),"
          + " (SELECT f.locked_until FROM relata.login_failure f"
          + "   WHERE f.username_digest = sha256(convert_to(u.username, 'UTF8'))"
          + "   AND f.locked_until > ?)"
          + " FROM relata.app_user u";

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private MetadataService metadata;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;
  @Inject private Permissions permissions;

  /** A new account. */
  public record NewUser(
      String username,
      char[] password,
      boolean active,
      Optional<String> role,
      List<String> permissionSets,
      Profile profile) {}

  /**
   * The user as a person: how to reach them, what to call them, their language and time zone, and
   * their manager. In a change, each present member is applied and an empty inner value clears it.
   */
  public record Profile(
      Optional<Optional<String>> email,
      Optional<Optional<String>> displayName,
      Optional<String> locale,
      Optional<String> timeZone,
      Optional<Optional<UUID>> manager) {

    /** Nothing to set. */
    public static final Profile NONE =
        new Profile(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
  }

  /**
   * A change: each present member is applied; {@code role} present but empty takes the role away;
   * {@code permissionSets} replaces the user's own assignments.
   */
  public record Change(
      Optional<char[]> password,
      Optional<Boolean> active,
      Optional<Optional<String>> role,
      Optional<List<String>> permissionSets,
      Profile profile) {}

  /** Accounts ordered by username, after the cursor's. */
  public Page<Account> list(Optional<String> cursor, int limit) {
    Optional<String> after = cursor.map(c -> Page.decode(c).orElseThrow(Users::badCursor));
    return read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  ACCOUNT
                      + (after.isPresent() ? " WHERE u.username > ?" : "")
                      + " ORDER BY u.username LIMIT ?")) {
            int i = 1;
            statement.setObject(i++, Now.of(clock));
            if (after.isPresent()) {
              statement.setString(i++, after.get());
            }
            statement.setInt(i, limit + 1);
            return Page.of(accounts(statement), limit, Account::username);
          }
        });
  }

  /**
   * Active users' usernames and the names shown for them, by name, at most {@code limit}: what a
   * rule that names people by username (an automation's, an assignment rule's) offers.
   */
  public java.util.Map<String, String> usernames(int limit) {
    return read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT username, coalesce(nullif(display_name, ''), username) AS shown"
                      + " FROM relata.app_user WHERE active ORDER BY shown, username LIMIT ?")) {
            select.setInt(1, limit);
            java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
            try (java.sql.ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
              }
            }
            return found;
          }
        });
  }

  /**
   * A user as others pick them: their id, the name shown, and whether they may sign in (a frozen
   * user is offered only where past work is looked up, as in the audit log).
   */
  public record Pickable(UUID id, String name, boolean active) {}

  /**
   * Active users whose display name or username contains {@code typed} (any case), by the name
   * shown, at most {@code limit}: what a user field offers to choose from. Names only, never the
   * account; a user without a display name is shown by username.
   */
  public List<Pickable> pickable(String typed, int limit) {
    return pickable(typed, limit, false);
  }

  /**
   * As {@link #pickable(String, int)}, frozen users too when {@code withFrozen}: who did something
   * is still to be found after they left.
   */
  public List<Pickable> pickable(String typed, int limit, boolean withFrozen) {
    String like =
        "%" + typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, coalesce(nullif(display_name, ''), username) AS shown, active"
                      + " FROM relata.app_user WHERE (active OR ?)"
                      + " AND (display_name ILIKE ? OR username ILIKE ?)"
                      + " ORDER BY shown, id LIMIT ?")) {
            select.setBoolean(1, withFrozen);
            select.setString(2, like);
            select.setString(3, like);
            select.setInt(4, limit);
            List<Pickable> found = new ArrayList<>();
            try (java.sql.ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(
                    new Pickable(
                        rows.getObject(1, UUID.class), rows.getString(2), rows.getBoolean(3)));
              }
            }
            return found;
          }
        });
  }

  /**
   * The names shown for {@code ids} (display name, else username), inactive users too: what a chart
   * or a column grouped by user labels its groups with. Unknown ids are absent.
   */
  public java.util.Map<UUID, String> names(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    return read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, coalesce(nullif(display_name, ''), username)"
                      + " FROM relata.app_user WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            java.util.Map<UUID, String> names = new java.util.HashMap<>();
            try (java.sql.ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                names.put(rows.getObject(1, UUID.class), rows.getString(2));
              }
            }
            return names;
          }
        });
  }

  /** The account, or 404. */
  public Account get(UUID id) {
    return read(connection -> find(connection, id)).orElseThrow(() -> notFound(id));
  }

  /** Creates an account; 409 when the username is taken, whatever its letter case. */
  public Account create(Actor actor, NewUser user) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    Assignments.requireKnown(
        metadata.current().access(), user.role(), Optional.of(user.permissionSets()));
    Profiles.requireKnownZone(user.profile());
    String hash = passwords.hash(user.password());
    User account = new User(user.username(), hash, Now.of(clock));
    return write(
        connection -> {
          Assignments.requireAdministratorIfItMoves(
              connection, actor, List.of(), user.permissionSets());
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO relata.app_user"
                      + " (id, username, password_hash, active, created_at, role)"
                      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
            insert.setObject(1, account.id());
            insert.setString(2, account.username());
            insert.setString(3, hash);
            insert.setBoolean(4, user.active());
            insert.setObject(5, account.createdAt());
            insert.setString(6, user.role().orElse(null));
            if (insert.executeUpdate() == 0) {
              throw new ConflictException(
                  "problem.username-taken",
                  List.of(new Violation("/username", "user.username-taken", List.of())),
                  Map.of(),
                  account.username());
            }
          }
          assign(connection, account.id(), user.permissionSets());
          Profiles.apply(connection, account.id(), user.profile());
          Account created = find(connection, account.id()).orElseThrow();
          AuditLog.append(
              connection,
              Profiles.audit(
                  actor
                      .audit(Now.of(clock), "user.create")
                      .on("user", created.id())
                      .with("active", created.active())
                      .with("role", created.role())
                      .with("permissionSets", created.permissionSets())
                      .changes(List.of(username(null, created.username()))),
                  null,
                  created,
                  new ArrayList<>()));
          return created;
        });
  }

  /** Applies {@code change}; 404 when there is no such user. */
  public Account change(Actor actor, UUID id, Change change) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    Assignments.requireKnown(
        metadata.current().access(), change.role().flatMap(r -> r), change.permissionSets());
    Profiles.requireKnownZone(change.profile());
    Optional<String> hash = change.password().map(passwords::hash);
    return write(
        connection -> {
          Account current = lock(connection, id).orElseThrow(() -> notFound(id));
          Assignments.requireAdministratorToChange(connection, actor, id);
          if (actor.id().equals(id)) {
            refuseSelfLockout(current, change);
          }
          if (change.permissionSets().isPresent()
              && !Set.copyOf(change.permissionSets().get())
                  .equals(Set.copyOf(current.permissionSets()))) {
            Assignments.requireAdministratorIfItMoves(
                connection, actor, current.permissionSets(), change.permissionSets().get());
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM relata.permission_set_assignment WHERE user_id = ?")) {
              delete.setObject(1, id);
              delete.executeUpdate();
            }
            assign(connection, id, change.permissionSets().get());
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE relata.app_user SET"
                      + " password_hash = COALESCE(?, password_hash),"
                      + " active = COALESCE(?, active),"
                      + " role = CASE WHEN ? THEN ? ELSE role END"
                      + " WHERE id = ?")) {
            update.setString(1, hash.orElse(null));
            update.setObject(2, change.active().orElse(null), java.sql.Types.BOOLEAN);
            update.setBoolean(3, change.role().isPresent());
            update.setString(4, change.role().flatMap(r -> r).orElse(null));
            update.setObject(5, id);
            update.executeUpdate();
          }
          Profiles.apply(connection, id, change.profile());
          Account changed = find(connection, id).orElseThrow();
          audit(connection, changeEntry(actor, current, changed, hash.isPresent()));
          return changed;
        });
  }

  /**
   * The user's own change of how they are named and spoken to: display name, language and time
   * zone. Needs no right, and changes nothing else of the account.
   */
  public Account changeOwn(
      Actor actor,
      Optional<Optional<String>> displayName,
      Optional<String> locale,
      Optional<String> timeZone) {
    Profile profile =
        new Profile(Optional.empty(), displayName, locale, timeZone, Optional.empty());
    Profiles.requireKnownZone(profile);
    return write(
        connection -> {
          Account current = lock(connection, actor.id()).orElseThrow(() -> notFound(actor.id()));
          Profiles.apply(connection, actor.id(), profile);
          Account changed = find(connection, actor.id()).orElseThrow();
          audit(connection, changeEntry(actor, current, changed, false));
          return changed;
        });
  }

  /** The shortest password an account takes, as for one an administrator sets. */
  public static final int MIN_PASSWORD = 12;

  /**
   * The user's own change of their password, which needs the one they have now: a signed-in screen
   * left open is not enough to take the account over. 400 at {@code /current} when it is wrong (or
   * the account signs in through single sign-on only), at {@code /password} when the new one is too
   * short; nothing changes then.
   */
  public void changeOwnPassword(Actor actor, char[] current, char[] next) {
    if (next.length < MIN_PASSWORD) {
      throw new InvalidRequestException(
          List.of(new Violation("/password", "schema.minLength", List.of(MIN_PASSWORD))));
    }
    String hash = passwords.hash(next);
    write(
        connection -> {
          Account before = lock(connection, actor.id()).orElseThrow(() -> notFound(actor.id()));
          String stored;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT password_hash FROM relata.app_user WHERE id = ?")) {
            select.setObject(1, actor.id());
            try (java.sql.ResultSet rows = select.executeQuery()) {
              rows.next();
              stored = rows.getString(1);
            }
          }
          if (stored == null || !passwords.verify(current, stored)) {
            throw new InvalidRequestException(
                List.of(new Violation("/current", "password.wrong", List.of())));
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE relata.app_user SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setObject(2, actor.id());
            update.executeUpdate();
          }
          AuditLog.append(
              connection,
              changeEntry(actor, before, find(connection, actor.id()).orElseThrow(), true));
          return null;
        });
  }

  /** Lifts the login lock on the user and forgets their failed attempts. */
  public Account unlock(Actor actor, UUID id) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    return write(
        connection -> {
          Account account = lock(connection, id).orElseThrow(() -> notFound(id));
          Assignments.requireAdministratorToChange(connection, actor, id);
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM relata.login_failure WHERE username_digest = ?")) {
            delete.setBytes(1, LoginAttempts.key(account.username()));
            delete.executeUpdate();
          }
          AuditLog.append(connection, actor.audit(Now.of(clock), "user.unlock").on("user", id));
          return find(connection, id).orElseThrow();
        });
  }

  /**
   * Revokes every token of the user that is still in force.
   *
   * @return how many were revoked
   */
  public int revokeTokens(Actor actor, UUID id) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    return write(
        connection -> {
          lock(connection, id).orElseThrow(() -> notFound(id));
          Assignments.requireAdministratorToChange(connection, actor, id);
          try (PreparedStatement revoke =
              connection.prepareStatement(
                  "UPDATE relata.api_token SET revoked_at = ?"
                      + " WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?")) {
            OffsetDateTime now = Now.of(clock);
            revoke.setObject(1, now);
            revoke.setObject(2, id);
            revoke.setObject(3, now);
            int revoked = revoke.executeUpdate();
            AuditLog.append(
                connection,
                actor.audit(now, "user.tokens-revoke").on("user", id).with("revoked", revoked));
            return revoked;
          }
        });
  }

  /** Writes a change's entry, unless it changed nothing (a form saved as it was). */
  private static void audit(Connection connection, AuditEntry change) throws SQLException {
    if (!change.detail().path("changed").isEmpty()) {
      AuditLog.append(connection, change);
    }
  }

  /**
   * What a change did to an account: the properties it changed, never a password or its hash (only
   * that it changed); the username is a value, erasable like a record's.
   */
  private AuditEntry changeEntry(
      Actor actor, Account before, Account after, boolean passwordChanged) {
    AuditEntry entry = actor.audit(Now.of(clock), "user.change").on("user", after.id());
    List<String> changed = new ArrayList<>();
    if (passwordChanged) {
      changed.add("password");
    }
    if (before.active() != after.active()) {
      changed.add("active");
      entry = entry.with("active", after.active());
    }
    if (!java.util.Objects.equals(before.role(), after.role())) {
      changed.add("role");
      entry = entry.with("role", after.role());
    }
    if (!before.permissionSets().equals(after.permissionSets())) {
      changed.add("permissionSets");
      entry = entry.with("permissionSets", after.permissionSets());
    }
    entry = Profiles.audit(entry, before, after, changed);
    return entry.with("changed", changed);
  }

  private static AuditEntry.FieldChange username(String before, String after) {
    return new AuditEntry.FieldChange(
        "username",
        before == null ? null : TextNode.valueOf(before),
        after == null ? null : TextNode.valueOf(after));
  }

  /**
   * Nobody freezes themselves or takes their own administrator set away: the last administrator
   * could lock everyone out that way.
   */
  private static void refuseSelfLockout(Account current, Change change) {
    if (change.active().filter(active -> !active).isPresent()) {
      throw new InvalidRequestException(
          List.of(new Violation("/active", "user.self-lockout", List.of())));
    }
    if (current.permissionSets().contains(PermissionSet.ADMINISTRATOR)
        && change
            .permissionSets()
            .filter(sets -> !sets.contains(PermissionSet.ADMINISTRATOR))
            .isPresent()) {
      throw new InvalidRequestException(
          List.of(new Violation("/permissionSets", "user.self-lockout", List.of())));
    }
  }

  private static void assign(Connection connection, UUID user, List<String> sets)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.permission_set_assignment (permission_set, user_id)"
                + " SELECT s, ? FROM unnest(?::text[]) s")) {
      insert.setObject(1, user);
      insert.setArray(2, connection.createArrayOf("text", sets.toArray()));
      insert.executeUpdate();
    }
  }

  private Optional<Account> lock(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT 1 FROM relata.app_user WHERE id = ? FOR UPDATE")) {
      lock.setObject(1, id);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
      }
    }
    return find(connection, id);
  }

  private Optional<Account> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ACCOUNT + " WHERE u.id = ?")) {
      statement.setObject(1, Now.of(clock));
      statement.setObject(2, id);
      return accounts(statement).stream().findFirst();
    }
  }

  private static List<Account> accounts(PreparedStatement statement) throws SQLException {
    List<Account> accounts = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        accounts.add(
            new Account(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getBoolean(3),
                row.getString(4),
                names(row.getArray(11)),
                names(row.getArray(12)),
                row.getObject(5, OffsetDateTime.class),
                row.getObject(13, OffsetDateTime.class),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getObject(10, UUID.class)));
      }
    }
    return accounts;
  }

  static List<String> names(Array array) throws SQLException {
    return List.copyOf(new TreeSet<>(Arrays.asList((String[]) array.getArray())));
  }

  private static NotFoundProblem notFound(UUID id) {
    return new NotFoundProblem("/api/v1/users/" + id);
  }

  static InvalidRequestException badCursor() {
    return new InvalidRequestException(List.of(new Violation("cursor", "query.cursor", List.of())));
  }

  private <T> T read(Transactions.Work<T> work) {
    return DirectoryJdbc.read(dataSource, work);
  }

  private <T> T write(Transactions.Work<T> work) {
    return DirectoryJdbc.write(dataSource, work);
  }
}
