package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Assignee;
import io.relata.metadata.automation.AssignmentRules;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.definition.Pipeline;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.record.WriteContext;
import io.relata.platform.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Chooses a record's owner: by an assignment rule table (the first rule whose condition holds, else
 * the fallback) or for one assignee. Users and groups are looked up as they are now; a frozen user
 * or a group without active members cannot take a record, and the table's fallback takes it.
 */
final class Assigner {

  /**
   * The owner chosen and why: the reason names the rules, the rule and the group's method, never
   * the person (who is the owner's new value in the audit entry).
   */
  record Assigned(Optional<UUID> owner, ObjectNode reason) {}

  private final Connection connection;
  private final CompiledObject object;

  Assigner(Connection connection, CompiledObject object) {
    this.connection = connection;
    this.object = object;
  }

  /**
   * The owner {@code assign} chooses for {@code record} of {@code object}, as it stands (formula
   * fields computed), on the write's connection.
   */
  static Assigned choose(
      Connection connection,
      CompiledObject object,
      CompiledObjects.Snapshot snapshot,
      Map<String, Object> record,
      WriteContext context,
      Action.Assign assign)
      throws SQLException {
    Assigner assigner = new Assigner(connection, object);
    if (assign.to().isPresent()) {
      return assigner.to(assign.to().get());
    }
    AssignmentRules rules =
        snapshot.automations().assignment(assign.rules().orElseThrow()).orElseThrow();
    return assigner.byRules(rules, record, context.conditions());
  }

  /** The owner {@code rules} choose for {@code record} (with its formula fields computed). */
  Assigned byRules(AssignmentRules rules, Map<String, Object> record, ConditionContext context)
      throws SQLException {
    ObjectNode reason =
        JsonCodec.object().put("assignment", rules.name()).put("assignmentLabel", rules.label());
    for (AssignmentRules.Rule rule : rules.rules()) {
      if (!ConditionEvaluator.selects(rule.condition(), record, Optional.empty(), context)) {
        continue;
      }
      Optional<UUID> owner = take(rule.to(), reason);
      if (owner.isPresent()) {
        reason.put("rule", rule.number()).put("condition", rule.source());
        rule.label().ifPresent(label -> reason.put("label", label));
        return new Assigned(owner, reason);
      }
      reason.put("unavailable", rule.number());
      break;
    }
    reason.put("fallback", true);
    return new Assigned(take(rules.fallback(), reason), reason);
  }

  /** The owner {@code to} gives. */
  Assigned to(Assignee to) throws SQLException {
    ObjectNode reason = JsonCodec.object();
    return new Assigned(take(to, reason), reason);
  }

  private Optional<UUID> take(Assignee to, ObjectNode reason) throws SQLException {
    if (to instanceof Assignee.User user) {
      return user(user.username());
    }
    Assignee.Group group = (Assignee.Group) to;
    reason.put("group", group.group()).put("method", group.method().documentName());
    List<UUID> members = members(group.group());
    if (members.isEmpty()) {
      return Optional.empty();
    }
    if (group.method() == Assignee.Method.LEAST_LOADED) {
      members = leastLoaded(members);
    }
    long turn = turn(group.group());
    return Optional.of(members.get((int) Math.floorMod(turn - 1, (long) members.size())));
  }

  private Optional<UUID> user(String username) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM relata.app_user WHERE username = ? AND active")) {
      select.setString(1, username);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
      }
    }
  }

  /** The group's active members, by username. */
  private List<UUID> members(String group) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT u.id FROM relata.user_group g"
                + " JOIN relata.group_member m ON m.group_id = g.id"
                + " JOIN relata.app_user u ON u.id = m.user_id"
                + " WHERE g.name = ? AND u.active ORDER BY u.username")) {
      select.setString(1, group);
      return ids(select);
    }
  }

  /**
   * Of {@code members}, those who own the fewest open records of the object (live, and not in a won
   * or lost stage), in their order.
   */
  private List<UUID> leastLoaded(List<UUID> members) throws SQLException {
    StringBuilder open = new StringBuilder();
    List<String> closed =
        object
            .definition()
            .pipeline()
            .map(
                p ->
                    p.stages().stream()
                        .filter(s -> s.category() != Pipeline.StageCategory.OPEN)
                        .map(Pipeline.Stage::name)
                        .toList())
            .orElse(List.of());
    if (!closed.isEmpty()) {
      open.append(" AND (r.\"stage\" IS NULL OR r.\"stage\" <> ALL (?))");
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "WITH loads AS (SELECT m.id, m.n, (SELECT count(*) FROM "
                + Identifiers.table(object.name())
                + " r WHERE r.\"owner_id\" = m.id AND r.\"deleted_at\" IS NULL"
                + open
                + ") AS load FROM unnest(?::uuid[]) WITH ORDINALITY AS m (id, n))"
                + " SELECT id FROM loads WHERE load = (SELECT min(load) FROM loads) ORDER BY n")) {
      int at = 1;
      if (!closed.isEmpty()) {
        select.setArray(at++, connection.createArrayOf("text", closed.toArray()));
      }
      select.setArray(at, connection.createArrayOf("uuid", members.toArray()));
      return ids(select);
    }
  }

  /** The group's next turn, from 1: taken under the counter's row lock. */
  private long turn(String group) throws SQLException {
    try (PreparedStatement next =
        connection.prepareStatement(
            "INSERT INTO relata.assignment_turn (group_name, turns) VALUES (?, 1)"
                + " ON CONFLICT (group_name) DO UPDATE"
                + " SET turns = relata.assignment_turn.turns + 1 RETURNING turns")) {
      next.setString(1, group);
      try (ResultSet rows = next.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static List<UUID> ids(PreparedStatement select) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }
}
