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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a sharing rule, saved or still being edited, would share: how many of its object's live
 * records, among those the admin may read, and with how many active users. It counts with the SQL
 * the evaluator grants through ({@link SharingRuleSql}), so the preview and the rule agree, and
 * refuses a rule as saving it would. For holders of {@code manage-metadata}.
 */
@ApplicationScoped
public class SharingPreview {

  /** A count longer than this is given up: the preview must not hold a screen for long. */
  private static final int TIMEOUT_SECONDS = 10;

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
   * The reach of the rule {@code document} describes, among the records the admin may read; empty
   * when counting took too long. A document that is not a valid rule is refused with its problems,
   * at their members, as saving it would be.
   */
  public Optional<Reach> preview(Actor actor, JsonNode document) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    List<Problem> problems = new ArrayList<>(MetaSchema.SHARING_RULE.check(document));
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of(problems);
    }
    SharingRule rule = AccessCompiler.sharingRule(document);
    CompiledModel model = metadata.current();
    Optional<ObjectDefinition> found = model.object(rule.object());
    if (found.isEmpty()) {
      problems.add(Problem.at("/object", "access.unknown-object", rule.object()));
    } else if (AccessCompiler.master(found.get()).isPresent()) {
      problems.add(
          Problem.at(
              "/object",
              "sharing-rule.detail-object",
              rule.object(),
              AccessCompiler.master(found.get()).get()));
    }
    rule.ownedBy().ifPresent(p -> knownRole(p, "/ownedBy", model, problems));
    knownRole(rule.sharedWith(), "/sharedWith", model, problems);
    Sql records = null;
    if (problems.isEmpty()) {
      try {
        records =
            SharingRuleSql.records(
                rule,
                found.get(),
                model.access(),
                ConditionContext.of(clock, ZoneOffset.UTC, Optional.of(actor.id())));
      } catch (ConditionException e) {
        problems.add(e.problem("/criteria"));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of(problems);
    }
    Sql users = SharingRuleSql.users(rule.sharedWith(), model.access());
    String table = Identifiers.table(found.get().name());
    Sql shared = records;
    try {
      return Transactions.read(
          dataSource,
          connection -> {
            // counted among what the admin may read: a preview reveals no more than a list would
            Sql readable =
                AccessEvaluator.load(
                        connection, actor.id(), model.access(), ModelObjects.of(model), clock)
                    .on(found.get())
                    .read()
                    .condition();
            List<Object> binds = new ArrayList<>(shared.binds());
            binds.addAll(readable.binds());
            long[] counted =
                counts(
                    connection,
                    new Sql(
                        "SELECT count(*) FILTER (WHERE "
                            + shared.text()
                            + "), count(*) FROM "
                            + table
                            + " WHERE \"deleted_at\" IS NULL AND "
                            + readable.text(),
                        binds));
            long people =
                counts(
                    connection,
                    new Sql(
                        "SELECT count(*) FROM relata.app_user u WHERE u.active AND " + users.text(),
                        users.binds()))[0];
            return Optional.of(new Reach(counted[0], counted[1], people));
          });
    } catch (SQLException e) {
      if (CANCELLED.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new IllegalStateException("counting a sharing rule's reach failed", e);
    }
  }

  /** A role a rule names must be one the model has; a group may come later. */
  private static void knownRole(
      SharingRule.Principal principal, String pointer, CompiledModel model, List<Problem> found) {
    if (principal.kind() != SharingRule.Kind.GROUP
        && model.access().roles().stream().noneMatch(r -> r.name().equals(principal.name()))) {
      found.add(
          Problem.at(
              pointer + "/" + principal.kind().json(), "access.unknown-role", principal.name()));
    }
  }

  /** The counts a query answers in its one row, given up after {@link #TIMEOUT_SECONDS}. */
  private static long[] counts(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql.text())) {
      query.setQueryTimeout(TIMEOUT_SECONDS);
      Binds.set(connection, query, sql.binds());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long[] counts = new long[row.getMetaData().getColumnCount()];
        for (int i = 0; i < counts.length; i++) {
          counts[i] = row.getLong(i + 1);
        }
        return counts;
      }
    }
  }
}
