package io.relata.platform.automation;

import io.relata.metadata.automation.BusinessCalendar;
import io.relata.metadata.automation.SlaPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One record's clock under one service-level policy, as stored ({@code relata.sla_clock} and its
 * pauses), and what follows from it: when the target passes, and when the warning comes. Both are
 * computed from the start, the pauses and the calendar as they are now, never kept as the truth.
 */
final class ServiceClock {

  /** A period the clock stood still; {@code resumed} is empty while it still does. */
  record Pause(Instant paused, Optional<Instant> resumed) {}

  final SlaPolicy policy;
  final UUID record;
  final Instant started;
  final Optional<Instant> stopped;
  final Optional<Instant> warned;
  final Optional<Instant> breached;
  final List<Pause> pauses;

  private ServiceClock(
      SlaPolicy policy,
      UUID record,
      Instant started,
      Optional<Instant> stopped,
      Optional<Instant> warned,
      Optional<Instant> breached,
      List<Pause> pauses) {
    this.policy = policy;
    this.record = record;
    this.started = started;
    this.stopped = stopped;
    this.warned = warned;
    this.breached = breached;
    this.pauses = List.copyOf(pauses);
  }

  /**
   * The clock of {@code record} under {@code policy}, locked for the transaction; empty if none.
   */
  static Optional<ServiceClock> lock(Connection connection, SlaPolicy policy, UUID record)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT started_at, stopped_at, warned_at, breached_at FROM relata.sla_clock"
                + " WHERE policy = ? AND record_id = ? FOR UPDATE")) {
      select.setString(1, policy.name());
      select.setObject(2, record);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ServiceClock(
                policy,
                record,
                instant(rows, 1).orElseThrow(),
                instant(rows, 2),
                instant(rows, 3),
                instant(rows, 4),
                pauses(connection, policy, record)));
      }
    }
  }

  /** Starts the clock of {@code record} at {@code now}; nothing if it has one. */
  static void start(
      Connection connection, SlaPolicy policy, String object, UUID record, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO relata.sla_clock (policy, object, record_id, started_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, policy.name());
      insert.setString(2, object);
      insert.setObject(3, record);
      insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  boolean paused() {
    return pauses.stream().anyMatch(p -> p.resumed().isEmpty());
  }

  /**
   * When the target passes: the target's working time after the start, plus the working time the
   * clock stood still; empty while it stands still, once it stopped, or without a target.
   */
  Optional<Instant> due(BusinessCalendar calendar, Object priority) {
    return after(calendar, priority, false);
  }

  /** When the warning comes: the target less its warning time; empty as {@link #due} is. */
  Optional<Instant> warning(BusinessCalendar calendar, Object priority) {
    return after(calendar, priority, true);
  }

  private Optional<Instant> after(BusinessCalendar calendar, Object priority, boolean warning) {
    if (stopped.isPresent() || paused()) {
      return Optional.empty();
    }
    Optional<SlaPolicy.Target> target = policy.target(priority);
    if (target.isEmpty() || (warning && target.get().warnBefore().isEmpty())) {
      return Optional.empty();
    }
    Duration allowed = target.get().within();
    if (warning) {
      allowed = allowed.minus(target.get().warnBefore().get());
      if (allowed.isNegative()) {
        allowed = Duration.ZERO;
      }
    }
    for (Pause pause : pauses) {
      allowed = allowed.plus(calendar.between(pause.paused(), pause.resumed().orElseThrow()));
    }
    return Optional.of(calendar.plus(started, allowed));
  }

  /** Records a change of the clock's state at {@code now}: stopped, paused or running again. */
  void update(Connection connection, boolean stop, boolean pause, Instant now) throws SQLException {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    if ((stop || !pause) && paused()) {
      execute(
          connection,
          "UPDATE relata.sla_pause SET resumed_at = ? WHERE policy = ? AND record_id = ?"
              + " AND resumed_at IS NULL",
          at);
    }
    if (stop) {
      execute(
          connection,
          "UPDATE relata.sla_clock SET stopped_at = ? WHERE policy = ? AND record_id = ?",
          at);
    } else if (pause && !paused()) {
      execute(
          connection,
          "INSERT INTO relata.sla_pause (paused_at, policy, record_id) VALUES (?, ?, ?)",
          at);
    }
  }

  /** Marks the warning or the breach as run at {@code now}. */
  void mark(Connection connection, boolean breach, Instant now) throws SQLException {
    execute(
        connection,
        "UPDATE relata.sla_clock SET "
            + (breach ? "breached_at" : "warned_at")
            + " = ? WHERE policy = ? AND record_id = ?",
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }

  private void execute(Connection connection, String sql, OffsetDateTime at) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, at);
      statement.setString(2, policy.name());
      statement.setObject(3, record);
      statement.executeUpdate();
    }
  }

  private static List<Pause> pauses(Connection connection, SlaPolicy policy, UUID record)
      throws SQLException {
    List<Pause> pauses = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT paused_at, resumed_at FROM relata.sla_pause WHERE policy = ? AND record_id = ?"
                + " ORDER BY paused_at")) {
      select.setString(1, policy.name());
      select.setObject(2, record);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          pauses.add(new Pause(instant(rows, 1).orElseThrow(), instant(rows, 2)));
        }
      }
    }
    return pauses;
  }

  private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
    return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
