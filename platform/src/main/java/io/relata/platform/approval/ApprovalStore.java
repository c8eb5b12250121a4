package io.relata.platform.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Approval requests and their decisions in PostgreSQL (V27). */
final class ApprovalStore {

  private static final String COLUMNS =
      "r.id, r.process, r.object, r.record_id, r.stage, r.from_stage, r.step, r.state,"
          + " r.submitted_by, coalesce(u.display_name, u.username), r.submitted_at, r.decided_at";
  private static final String FROM =
      " FROM relata.approval_request r JOIN relata.app_user u ON u.id = r.submitted_by";

  private ApprovalStore() {}

  /** Stores a new request, pending at its first step. */
  static void insert(Connection connection, ApprovalRequest request) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.approval_request (id, process, object, record_id, stage,"
                + " from_stage, step, state, submitted_by, submitted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1, 'pending', ?, ?)")) {
      insert.setObject(1, request.id());
      insert.setString(2, request.process());
      insert.setString(3, request.object());
      insert.setObject(4, request.record());
      insert.setString(5, request.stage());
      insert.setString(6, request.fromStage().orElse(null));
      insert.setObject(7, request.submittedBy());
      insert.setObject(8, request.submittedAt());
      insert.executeUpdate();
    }
  }

  /** The pending request of the record, if it has one. */
  static Optional<ApprovalRequest> pending(Connection connection, String object, UUID record)
      throws SQLException {
    return one(
        connection,
        " WHERE r.object = ? AND r.record_id = ? AND r.state = 'pending'",
        object,
        record);
  }

  /** A pending request on one of {@code records} of {@code object}, if any. */
  static Optional<ApprovalRequest> pendingAmong(
      Connection connection, String object, java.util.List<UUID> records) throws SQLException {
    return one(
        connection,
        " WHERE r.object = ? AND r.record_id = ANY(?) AND r.state = 'pending' LIMIT 1",
        object,
        connection.createArrayOf("uuid", records.toArray()));
  }

  static Optional<ApprovalRequest> find(Connection connection, UUID id) throws SQLException {
    return one(connection, " WHERE r.id = ?", id);
  }

  /** The request, its row locked until the transaction ends: one decision at a time. */
  static Optional<ApprovalRequest> lock(Connection connection, UUID id) throws SQLException {
    return one(connection, " WHERE r.id = ? FOR UPDATE OF r", id);
  }

  static void advance(Connection connection, UUID id, int step) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE relata.approval_request SET step = ? WHERE id = ?")) {
      update.setInt(1, step);
      update.setObject(2, id);
      update.executeUpdate();
    }
  }

  static void end(Connection connection, UUID id, String state, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.approval_request SET state = ?, decided_at = ? WHERE id = ?")) {
      update.setString(1, state);
      update.setObject(2, at);
      update.setObject(3, id);
      update.executeUpdate();
    }
  }

  static void decide(
      Connection connection,
      UUID request,
      int step,
      UUID user,
      String decision,
      Optional<String> comment,
      OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.approval_decision (id, request_id, step, user_id, decision,"
                + " comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, request);
      insert.setInt(3, step);
      insert.setObject(4, user);
      insert.setString(5, decision);
      insert.setString(6, comment.orElse(null));
      insert.setObject(7, at);
      insert.executeUpdate();
    }
  }

  /**
   * Requests newest first, in {@code state} when given, of the record when given, after the request
   * {@code after}; at most {@code limit}.
   */
  static List<ApprovalRequest> list(
      Connection connection,
      Optional<String> state,
      Optional<String> object,
      Optional<UUID> record,
      Optional<java.util.Set<String>> steps,
      Optional<UUID> after,
      int limit)
      throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> values = new ArrayList<>();
    if (steps.isPresent()) {
      // at one of these steps, process/step
      where.append(" AND (r.process || '/' || r.step) = ANY (?)");
      values.add(connection.createArrayOf("text", steps.get().toArray()));
    }
    state.ifPresent(
        s -> {
          where.append(" AND r.state = ?");
          values.add(s);
        });
    object.ifPresent(
        o -> {
          where.append(" AND r.object = ?");
          values.add(o);
        });
    record.ifPresent(
        r -> {
          where.append(" AND r.record_id = ?");
          values.add(r);
        });
    after.ifPresent(
        a -> {
          where.append(
              " AND (r.submitted_at, r.id) < (SELECT submitted_at, id"
                  + " FROM relata.approval_request WHERE id = ?)");
          values.add(a);
        });
    where.append(" ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?");
    values.add(limit);
    return many(connection, where.toString(), values.toArray());
  }

  private static Optional<ApprovalRequest> one(Connection connection, String where, Object... args)
      throws SQLException {
    List<ApprovalRequest> found = many(connection, where, args);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<ApprovalRequest> many(Connection connection, String where, Object... args)
      throws SQLException {
    List<ApprovalRequest> found = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + FROM + where)) {
      for (int i = 0; i < args.length; i++) {
        select.setObject(i + 1, args[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          UUID id = rows.getObject(1, UUID.class);
          found.add(
              new ApprovalRequest(
                  id,
                  rows.getString(2),
                  rows.getString(3),
                  rows.getObject(4, UUID.class),
                  rows.getString(5),
                  Optional.ofNullable(rows.getString(6)),
                  rows.getInt(7),
                  rows.getString(8),
                  rows.getObject(9, UUID.class),
                  rows.getString(10),
                  rows.getObject(11, OffsetDateTime.class),
                  Optional.ofNullable(rows.getObject(12, OffsetDateTime.class)),
                  List.of()));
        }
      }
    }
    List<ApprovalRequest> withDecisions = new ArrayList<>();
    for (ApprovalRequest request : found) {
      withDecisions.add(
          new ApprovalRequest(
              request.id(),
              request.process(),
              request.object(),
              request.record(),
              request.stage(),
              request.fromStage(),
              request.step(),
              request.state(),
              request.submittedBy(),
              request.submitter(),
              request.submittedAt(),
              request.decidedAt(),
              decisions(connection, request.id())));
    }
    return withDecisions;
  }

  private static List<ApprovalRequest.Decision> decisions(Connection connection, UUID request)
      throws SQLException {
    List<ApprovalRequest.Decision> decisions = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT d.step, d.user_id, coalesce(u.display_name, u.username), d.decision,"
                + " d.comment, d.at FROM relata.approval_decision d"
                + " JOIN relata.app_user u ON u.id = d.user_id WHERE d.request_id = ?"
                + " ORDER BY d.seq")) {
      select.setObject(1, request);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          decisions.add(
              new ApprovalRequest.Decision(
                  rows.getInt(1),
                  rows.getObject(2, UUID.class),
                  rows.getString(3),
                  rows.getString(4),
                  Optional.ofNullable(rows.getString(5)),
                  rows.getObject(6, OffsetDateTime.class)));
        }
      }
    }
    return decisions;
  }
}
