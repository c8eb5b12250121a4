package io.relata.platform.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessCompiler;
import io.relata.metadata.access.SharingRule;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.Sql;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.schema.Identifiers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a sharing rule, saved or still being edited, would share: how many of its object's records
 * and with how many active users. It counts with the SQL the evaluator grants through ({@link
 * SharingRuleSql}), so the preview and the rule agree. For holders of {@code manage-metadata}.
 */
@ApplicationScoped
public class SharingPreview {

  /** A count longer than this is given up: the preview must not hold a screen for long. */
  private static final String TIMEOUT = "10s";

  /** query_canceled: the statement timeout ended the count. */
  private static final String CANCELLED = "57014";

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CurrentModel metadata;
  @Inject private Permissions permissions;
  @Inject private Clock clock;

  /**
   * The rule's reach.
   *
   * @param shared the records the rule shares
   * @param total all records of the object
   * @param users the active users it shares them with
   */
  public record Reach(long shared, long total, long users) {}

  /**
   * The reach of the rule {@code document} describes; empty when counting took too long. A document
   * that is not a valid rule is refused with its problems, at their members, as saving it would be.
   */
  public Optional<Reach> preview(Actor actor, JsonNode document) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    List<Problem> problems = MetaSchema.SHARING_RULE.check(document);
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of(problems);
    }
    SharingRule rule = AccessCompiler.sharingRule(document);
    CompiledModel model = metadata.current();
    ObjectDefinition object =
        model
            .object(rule.object())
            .orElseThrow(
                () ->
                    InvalidRequestException.of(
                        List.of(Problem.at("/object", "access.unknown-object", rule.object()))));
    Sql records;
    try {
      records =
          SharingRuleSql.records(
              rule,
              object,
              model.access(),
              ConditionContext.of(clock, ZoneOffset.UTC, Optional.of(actor.id())));
    } catch (ConditionException e) {
      throw InvalidRequestException.of(List.of(e.problem("/criteria")));
    }
    Sql users = SharingRuleSql.users(rule.sharedWith(), model.access());
    String table = Identifiers.table(object.name());
    try {
      return Optional.of(
          Transactions.read(
              dataSource,
              connection -> {
                try (var timeout = connection.createStatement()) {
                  timeout.execute("SET LOCAL statement_timeout = '" + TIMEOUT + "'");
                }
                return new Reach(
                    count(
                        connection,
                        new Sql(
                            "SELECT count(*) FROM " + table + " WHERE " + records.text(),
                            records.binds())),
                    count(connection, Sql.of("SELECT count(*) FROM " + table)),
                    count(
                        connection,
                        new Sql(
                            "SELECT count(*) FROM relata.app_user u WHERE u.active AND "
                                + users.text(),
                            users.binds())));
              }));
    } catch (SQLException e) {
      if (CANCELLED.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new IllegalStateException("counting a sharing rule's reach failed", e);
    }
  }

  private static long count(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.text())) {
      Binds.set(connection, query, sql.binds());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
