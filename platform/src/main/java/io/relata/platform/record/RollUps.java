package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import io.relata.platform.schema.RollUpSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps roll-up fields current: when a child record is written, the roll-ups over it are recomputed
 * for its parent (before and after a move). The parent row is locked first, and the recomputation
 * is a new statement, so under READ COMMITTED it sees every child committed before the lock was
 * granted: concurrent children of one parent serialise on the parent and the last writer counts
 * them all. The work is one indexed lookup of the parent's children, never the table. Roll-ups do
 * not change the parent's version: they are not an edit by a user.
 */
final class RollUps {

  private RollUps() {}

  /**
   * Refreshes the parents of a child that changed from {@code before} to {@code after} (either
   * {@code null} for a record that did not exist or does not any more).
   */
  static void refresh(
      Connection connection,
      CompiledObjects.Snapshot objects,
      String child,
      Map<String, Object> before,
      Map<String, Object> after)
      throws SQLException {
    for (CompiledObjects.RollUpLink link : objects.rollUpsOf(child)) {
      String relation = link.rollUp().relation();
      String field = link.rollUp().field().orElse(null);
      if (before != null && after != null && !changed(before, after, relation, field)) {
        continue;
      }
      TreeSet<UUID> parents = new TreeSet<>();
      for (Map<String, Object> row : new Map[] {before, after}) {
        if (row != null && row.get(relation) instanceof UUID parent) {
          parents.add(parent);
        }
      }
      for (UUID parent : parents) {
        recompute(connection, link, child, parent);
      }
    }
  }

  /** Refreshes every parent of {@code rows}, each once: for records moved in bulk. */
  static void refreshAll(
      Connection connection,
      CompiledObjects.Snapshot objects,
      String child,
      java.util.Collection<Map<String, Object>> rows)
      throws SQLException {
    for (CompiledObjects.RollUpLink link : objects.rollUpsOf(child)) {
      TreeSet<UUID> parents = new TreeSet<>();
      for (Map<String, Object> row : rows) {
        if (row.get(link.rollUp().relation()) instanceof UUID parent) {
          parents.add(parent);
        }
      }
      for (UUID parent : parents) {
        recompute(connection, link, child, parent);
      }
    }
  }

  private static boolean changed(
      Map<String, Object> before, Map<String, Object> after, String relation, String field) {
    return !Objects.equals(before.get(relation), after.get(relation))
        || !Objects.equals(before.get("deleted_at"), after.get("deleted_at"))
        || (field != null && !Objects.equals(before.get(field), after.get(field)));
  }

  private static void recompute(
      Connection connection, CompiledObjects.RollUpLink link, String child, UUID parent)
      throws SQLException {
    String parentTable = table(link.parent());
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT 1 FROM " + parentTable + " WHERE \"id\" = ? FOR UPDATE")) {
      lock.setObject(1, parent);
      lock.executeQuery().close();
    }
    String summary = RollUpSql.summary(link.rollUp(), "");
    String sql =
        "UPDATE "
            + parentTable
            + " SET "
            + quote(link.field().name())
            + " = (SELECT "
            + summary
            + " FROM "
            + table(child)
            + " WHERE "
            + quote(link.rollUp().relation())
            + " = ? AND \"deleted_at\" IS NULL) WHERE \"id\" = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, parent);
      update.setObject(2, parent);
      update.executeUpdate();
    }
  }
}
