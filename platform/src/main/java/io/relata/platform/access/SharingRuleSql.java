package io.relata.platform.access;

import io.relata.metadata.access.AccessModel;
import io.relata.metadata.access.SharingRule;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.query.ConditionSql;
import io.relata.platform.query.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The records a sharing rule opens, and the users it opens them to, as SQL: what the evaluator
 * grants through a rule is what Setup's preview counts.
 */
public final class SharingRuleSql {

  private SharingRuleSql() {}

  /**
   * A condition on {@code object}'s table that holds for the records {@code rule} shares.
   *
   * @param context today and the user, for criteria with relative dates or {@code me}
   * @throws ConditionException when the rule's criteria do not check against {@code object}
   */
  public static Sql records(
      SharingRule rule, ObjectDefinition object, AccessModel model, ConditionContext context)
      throws ConditionException {
    if (rule.criteria().isPresent()) {
      ConditionChecker.Checked checked =
          ConditionChecker.condition(
              ConditionParser.parse(rule.criteria().get()), object, Scope.QUERY);
      Sql sql = ConditionSql.compile(checked.typed(), context);
      return new Sql("(" + sql.text() + ")", sql.binds());
    }
    return ownedBy(rule.ownedBy().orElseThrow(), model);
  }

  /** Records owned by the users {@code owners} names. */
  private static Sql ownedBy(SharingRule.Principal owners, AccessModel model) {
    return switch (owners.kind()) {
      case ROLE -> AccessEvaluator.ownedByRoles(List.of(owners.name()));
      case ROLE_AND_SUBORDINATES -> AccessEvaluator.ownedByRoles(andBelow(owners.name(), model));
      case GROUP ->
          Sql.of(
              "\"owner_id\" IN (SELECT m.user_id FROM relata.group_member m"
                  + " JOIN relata.user_group g ON g.id = m.group_id WHERE g.name = ?)",
              owners.name());
    };
  }

  /** A condition on {@code relata.app_user u} that holds for the users {@code principal} names. */
  public static Sql users(SharingRule.Principal principal, AccessModel model) {
    return switch (principal.kind()) {
      case ROLE -> Sql.of("u.role = ?", principal.name());
      case ROLE_AND_SUBORDINATES ->
          Sql.of("u.role = ANY(?)", andBelow(principal.name(), model).stream().sorted().toList());
      case GROUP ->
          Sql.of(
              "u.id IN (SELECT m.user_id FROM relata.group_member m"
                  + " JOIN relata.user_group g ON g.id = m.group_id WHERE g.name = ?)",
              principal.name());
    };
  }

  private static List<String> andBelow(String role, AccessModel model) {
    List<String> roles = new ArrayList<>(model.subordinates(role));
    roles.add(role);
    return roles;
  }
}
