package io.relata.platform.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.schema.Identifiers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Why a user may or may not create, read, edit, delete and share an object's records (or one
 * record), and see or change each field: for holders of {@code manage-users}, over the API and in
 * Setup. It asks the same {@link AccessEvaluator} every request asks, and evaluates each of its
 * grants on the record: it names the rules, it does not decide again.
 */
@ApplicationScoped
public class AccessExplainer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CurrentModel metadata;
  @Inject private Permissions permissions;
  @Inject private Clock clock;

  /**
   * The explanation for {@code user} on {@code object} (and {@code record}), with the rules' texts
   * in {@code locale}; {@link NotFoundProblem} for a user, object or record there is not.
   */
  public ObjectNode explain(
      Actor actor, UUID user, String object, Optional<UUID> record, Locale locale) {
    permissions.require(actor, SystemPermission.MANAGE_USERS);
    CompiledModel model = metadata.current();
    ObjectDefinition definition =
        model
            .object(object)
            .orElseThrow(() -> new NotFoundProblem("/api/v1/metadata/objects/" + object));
    try {
      return Transactions.read(
          dataSource,
          connection -> {
            String username =
                username(connection, user)
                    .orElseThrow(() -> new NotFoundProblem("/api/v1/users/" + user));
            AccessEvaluator evaluator =
                AccessEvaluator.load(
                    connection, user, model.access(), ModelObjects.of(model), clock);
            return new Explanation(connection, evaluator, definition, record, locale)
                .json(username);
          });
    } catch (SQLException e) {
      throw new IllegalStateException("explaining access failed in the database", e);
    }
  }

  /** One explanation: the evaluator's decisions for one object (and record), with their reasons. */
  private static final class Explanation {

    private final Connection connection;
    private final AccessEvaluator evaluator;
    private final ObjectDefinition object;
    private final ObjectAccess access;
    private final Optional<UUID> record;
    private final Locale locale;

    Explanation(
        Connection connection,
        AccessEvaluator evaluator,
        ObjectDefinition object,
        Optional<UUID> record,
        Locale locale) {
      this.connection = connection;
      this.evaluator = evaluator;
      this.object = object;
      this.access = evaluator.on(object);
      this.record = record;
      this.locale = locale;
    }

    ObjectNode json(String username) throws SQLException {
      Subject subject = evaluator.subject();
      ObjectNode json = NODES.objectNode();
      ObjectNode user = json.putObject("user");
      user.put("id", subject.user().toString()).put("username", username);
      user.put("role", subject.role().orElse(null));
      subject.groups().stream().sorted().forEach(user.putArray("groups")::add);
      subject.permissionSets().stream().sorted().forEach(user.putArray("permissionSets")::add);
      json.put("object", object.name());
      json.put("record", record.map(UUID::toString).orElse(null));
      Map<String, RecordPredicate> predicates = new LinkedHashMap<>();
      predicates.put("read", access.read());
      predicates.put("edit", access.edit());
      predicates.put("share", access.share());
      Map<String, List<Grant>> holding = holding(predicates);
      ObjectNode operations = json.putObject("operations");
      operation(operations, "create", "create", Optional.empty(), holding);
      operation(operations, "read", "read", Optional.of("read"), holding);
      operation(operations, "edit", "edit", Optional.of("edit"), holding);
      // delete follows the edit predicate, plus the delete right
      operation(operations, "delete", "delete", Optional.of("edit"), holding);
      // sharing needs the edit right and the share predicate
      operation(operations, "share", "edit", Optional.of("share"), holding);
      ArrayNode fields = json.putArray("fields");
      for (FieldDefinition field : object.fields()) {
        fields
            .addObject()
            .put("field", field.name())
            .put("access", access.field(field.name()).json())
            .set("permissionSets", names(evaluator.setsGiving(object, field.name())));
      }
      return json;
    }

    private void operation(
        ObjectNode operations,
        String name,
        String right,
        Optional<String> predicate,
        Map<String, List<Grant>> holding) {
      ObjectNode node = operations.putObject(name);
      List<String> sets = evaluator.setsGranting(object.name(), right);
      ObjectNode objectRight = node.putObject("objectRight");
      objectRight.put("right", right).put("allowed", !sets.isEmpty());
      objectRight.set("permissionSets", names(sets));
      boolean allowed = !sets.isEmpty();
      if (predicate.isPresent()) {
        RecordPredicate reach = predicates(predicate.get());
        List<Grant> grants = record.isPresent() ? holding.get(predicate.get()) : reach.grants();
        ObjectNode records = node.putObject(record.isPresent() ? "thisRecord" : "records");
        records.put("every", reach.isAll());
        ArrayNode because = records.putArray("grantedBy");
        grants.forEach(grant -> because.add(grant(grant)));
        if (record.isPresent()) {
          records.put("allowed", !grants.isEmpty());
          allowed &= !grants.isEmpty();
        }
      }
      node.put("allowed", allowed);
    }

    private RecordPredicate predicates(String name) {
      return switch (name) {
        case "read" -> access.read();
        case "edit" -> access.edit();
        default -> access.share();
      };
    }

    /**
     * For each predicate, the grants that hold for the record, in one query; 404 when there is no
     * such record (live or in the recycle bin).
     */
    private Map<String, List<Grant>> holding(Map<String, RecordPredicate> predicates)
        throws SQLException {
      Map<String, List<Grant>> holding = new LinkedHashMap<>();
      if (record.isEmpty()) {
        return holding;
      }
      StringBuilder sql = new StringBuilder("SELECT true");
      List<Object> binds = new ArrayList<>();
      List<Map.Entry<String, Grant>> asked = new ArrayList<>();
      for (Map.Entry<String, RecordPredicate> entry : predicates.entrySet()) {
        holding.put(entry.getKey(), new ArrayList<>());
        for (Grant grant : entry.getValue().grants()) {
          sql.append(", (").append(grant.condition().text()).append(')');
          binds.addAll(grant.condition().binds());
          asked.add(Map.entry(entry.getKey(), grant));
        }
      }
      sql.append(" FROM ").append(Identifiers.table(object.name())).append(" WHERE \"id\" = ?");
      binds.add(record.get());
      try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
        Binds.set(connection, query, binds);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new NotFoundProblem("/api/v1/records/" + object.name() + "/" + record.get());
          }
          for (int i = 0; i < asked.size(); i++) {
            if (row.getBoolean(i + 2)) {
              holding.get(asked.get(i).getKey()).add(asked.get(i).getValue());
            }
          }
        }
      }
      return holding;
    }

    private ObjectNode grant(Grant grant) {
      ObjectNode json = NODES.objectNode();
      json.put("rule", grant.reason());
      json.set("args", names(grant.args()));
      json.put("message", Messages.text(grant.reason(), locale, String.join(", ", grant.args())));
      return json;
    }
  }

  private static ArrayNode names(List<String> names) {
    ArrayNode array = NODES.arrayNode();
    names.forEach(array::add);
    return array;
  }

  private static Optional<String> username(Connection connection, UUID user) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT username FROM relata.app_user WHERE id = ?")) {
      query.setObject(1, user);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }
}
