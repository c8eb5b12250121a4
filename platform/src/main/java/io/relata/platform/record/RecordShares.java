package io.relata.platform.record;

import io.relata.metadata.definition.FieldType;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Manual and team shares of one record: who else may read it, or read and edit it. Only those who
 * may manage the record's sharing ({@link ObjectAccess#share()}: the owner, the roles above, and
 * modify-all) list and change them; for everyone else a record they can see is a 403 here, and one
 * they cannot see a 404. A share counts from the holder's next request: the read predicate looks it
 * up in the same table.
 */
@ApplicationScoped
public class RecordShares {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CompiledObjects objects;
  @Inject private Clock clock;

  /** The holder of a share: a user or a group. */
  public record Holder(boolean group, UUID user, String groupName) {

    /** Whether {@code share} is this holder's. */
    boolean holds(Share share) {
      return group
          ? share.group() != null && share.group().name().equals(groupName)
          : share.user() != null && share.user().id().equals(user);
    }

    /** {@code entry} naming this holder. */
    AuditEntry audit(AuditEntry entry) {
      return group ? entry.with("group", groupName) : entry.with("user", user.toString());
    }
  }

  /** The shares of the record, users first, by username, then groups by name. */
  public List<Share> list(Actor actor, String object, UUID id) {
    return work(object, id, actor, connection -> shares(connection, object, id));
  }

  private static List<Share> shares(Connection connection, String object, UUID id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT u.id, u.username, g.name, g.label, s.access, s.reason, s.created_at"
                + " FROM relata.record_share s"
                + " LEFT JOIN relata.app_user u ON u.id = s.user_id"
                + " LEFT JOIN relata.user_group g ON g.id = s.group_id"
                + " WHERE s.object = ? AND s.record_id = ?"
                + " ORDER BY g.name NULLS FIRST, u.username")) {
      select.setString(1, object);
      select.setObject(2, id);
      List<Share> shares = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          shares.add(
              new Share(
                  row.getString(2) == null
                      ? null
                      : new Share.UserRef(row.getObject(1, UUID.class), row.getString(2)),
                  row.getString(3) == null
                      ? null
                      : new Share.GroupRef(row.getString(3), row.getString(4)),
                  row.getString(5),
                  row.getString(6),
                  row.getObject(7, java.time.OffsetDateTime.class)));
        }
      }
      return shares;
    }
  }

  /** What {@link #share} stored, and whether the holder had no share before. */
  public record Shared(Share share, boolean created) {}

  /** Shares the record with the holder, or changes the access of its share. */
  public Shared share(
      Actor actor, String object, UUID id, Holder holder, String access, String reason) {
    return work(
        object,
        id,
        actor,
        connection -> {
          UUID holderId = holderId(connection, holder);
          String column = holder.group() ? "group_id" : "user_id";
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO relata.record_share (object, record_id, "
                      + column
                      + ", access, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (object, "
                      + column
                      + ", record_id) WHERE "
                      + column
                      + " IS NOT NULL DO UPDATE SET access = excluded.access,"
                      + " reason = excluded.reason RETURNING (xmax = 0)")) {
            upsert.setString(1, object);
            upsert.setObject(2, id);
            upsert.setObject(3, holderId);
            upsert.setString(4, access);
            upsert.setString(5, reason);
            upsert.setObject(6, actor.id());
            upsert.setObject(7, Now.of(clock));
            boolean created;
            try (ResultSet row = upsert.executeQuery()) {
              row.next();
              created = row.getBoolean(1);
            }
            Share stored =
                shares(connection, object, id).stream()
                    .filter(holder::holds)
                    .findFirst()
                    .orElseThrow();
            AuditLog.append(
                connection,
                holder
                    .audit(actor.audit(Now.of(clock), "share.grant").on(object, id))
                    .with("access", access)
                    .with("reason", reason));
            return new Shared(stored, created);
          }
        });
  }

  /** Ends the holder's share of the record; 404 when there is none. */
  public void unshare(Actor actor, String object, UUID id, Holder holder) {
    work(
        object,
        id,
        actor,
        connection -> {
          String column = holder.group() ? "group_id" : "user_id";
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM relata.record_share WHERE object = ? AND record_id = ? AND "
                      + column
                      + (holder.group()
                          ? " = (SELECT id FROM relata.user_group WHERE name = ?)"
                          : " = ?"))) {
            delete.setString(1, object);
            delete.setObject(2, id);
            delete.setObject(3, holder.group() ? holder.groupName() : holder.user());
            if (delete.executeUpdate() == 0) {
              throw new NotFoundProblem(
                  "/api/v1/records/"
                      + object
                      + "/"
                      + id
                      + "/shares/"
                      + (holder.group()
                          ? "groups/" + holder.groupName()
                          : "users/" + holder.user()));
            }
          }
          AuditLog.append(
              connection, holder.audit(actor.audit(Now.of(clock), "share.revoke").on(object, id)));
          return null;
        });
  }

  /** Forgets every share of a record that is gone for good. */
  static void forget(Connection connection, String object, UUID id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM relata.record_share WHERE object = ? AND record_id = ?")) {
      delete.setString(1, object);
      delete.setObject(2, id);
      delete.executeUpdate();
    }
  }

  private static UUID holderId(Connection connection, Holder holder) throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement(
            holder.group()
                ? "SELECT id FROM relata.user_group WHERE name = ?"
                : "SELECT id FROM relata.app_user WHERE id = ?")) {
      find.setObject(1, holder.group() ? holder.groupName() : holder.user());
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          throw new InvalidRequestException(
              List.of(
                  holder.group()
                      ? new Violation("/group", "share.unknown-group", List.of(holder.groupName()))
                      : new Violation(
                          "/user", "share.unknown-user", List.of(holder.user().toString()))));
        }
        return row.getObject(1, UUID.class);
      }
    }
  }

  /**
   * Runs {@code work} in one transaction once the actor may manage the record's sharing: 404 when
   * they may not see the record, 400 for a detail record, 403 when they may see but not share it.
   */
  private <T> T work(String objectName, UUID id, Actor actor, Transactions.Work<T> work) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    try {
      return Transactions.run(
          dataSource,
          connection -> {
            ObjectAccess access =
                snapshot.evaluator(connection, actor, clock).on(object.definition());
            access.require("read");
            RecordStore.find(connection, object, id, false, true, access.read().condition())
                .orElseThrow(() -> RecordNotFoundException.record(objectName, id));
            if (object.definition().fields().stream()
                    .anyMatch(f -> f.type() instanceof FieldType.MasterDetail)
                || AccessEvaluator.about(object.definition()).isPresent()) {
              throw new InvalidRequestException(
                  List.of(new Violation("", "share.detail-record", List.of(objectName))));
            }
            if (!access.share().isAll()
                && RecordStore.find(
                        connection, object, id, false, false, access.share().condition())
                    .isEmpty()) {
              throw AccessDeniedException.record("share", objectName);
            }
            return work.run(connection);
          });
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
  }
}
