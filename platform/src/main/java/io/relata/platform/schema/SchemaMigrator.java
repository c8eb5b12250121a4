package io.relata.platform.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a plan's steps, in order, on the caller's connection and inside the caller's transaction:
 * the metadata revision that the plan belongs to commits with it or not at all. Deferred steps are
 * left to the jobs the change queues ({@code platform.build}).
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  /**
   * Applies {@code plan}. Refuses a plan that the data forbids, and a destructive plan that was not
   * confirmed; on an SQL failure the caller rolls back, and nothing of the plan remains.
   */
  public static void apply(Connection connection, SchemaPlan plan, boolean confirmed)
      throws SQLException {
    if (!plan.acceptable()) {
      throw new IllegalStateException("a refused plan cannot be applied: " + plan.refused());
    }
    if (plan.destructive() && !confirmed) {
      throw new IllegalStateException("a destructive plan needs confirmation");
    }
    try (Statement statement = connection.createStatement()) {
      for (SchemaStep step : plan.steps()) {
        if (!step.deferred()) {
          statement.execute(step.sql());
        }
      }
    }
  }
}
