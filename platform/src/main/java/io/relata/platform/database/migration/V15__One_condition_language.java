package io.relata.platform.database.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionPrinter;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites the formulas and validation rules of every stored metadata revision in the one condition
 * language ({@code ==} becomes {@code =}, text is double-quoted, {@code contains(a, b)} becomes
 * {@code a contains b}), so that the current model and every revision a revert may return to are
 * read by the one grammar. List views and sharing rules were written in it already. Only the
 * spelling changes; a revision's number, author and time stay.
 */
public class V15__One_condition_language extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT number, objects::text FROM metadata_revision ORDER BY number FOR UPDATE");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE metadata_revision SET objects = ?::jsonb WHERE number = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        JsonNode objects = JsonCodec.parse(rows.getString(2));
        if (upgrade(objects)) {
          update.setString(1, objects.toString());
          update.setLong(2, rows.getLong(1));
          update.executeUpdate();
        }
      }
    }
  }

  /** Rewrites the conditions of {@code objects} in place; whether any changed. */
  static boolean upgrade(JsonNode objects) {
    boolean changed = false;
    for (JsonNode object : objects) {
      for (JsonNode field : object.path("fields")) {
        if ("formula".equals(field.path("type").asText())) {
          changed |= rewrite((ObjectNode) field, "expression");
        }
      }
      for (JsonNode rule : object.path("validationRules")) {
        changed |= rewrite((ObjectNode) rule, "condition");
      }
    }
    return changed;
  }

  private static boolean rewrite(ObjectNode node, String member) {
    JsonNode text = node.get(member);
    if (text == null || !text.isTextual()) {
      return false;
    }
    String upgraded = ConditionPrinter.upgrade(text.textValue());
    if (upgraded.equals(text.textValue())) {
      return false;
    }
    node.put(member, upgraded);
    return true;
  }
}
