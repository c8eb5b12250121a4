package io.relata.platform.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.access.CurrentModel;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordNotFoundException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Each user's own list views of each object, kept in {@code relata.personal_view}. A view is
 * checked when it is saved against what its owner may see of the object then (its columns and sort
 * name visible fields, its filter is a condition a list can run); the object may change after, so a
 * screen applies a view as it applies one typed into its address, with the same problems. Nobody
 * reads another user's views.
 */
@ApplicationScoped
public class PersonalViews {

  /** At most this many views per user and object: a list of choices, not a store. */
  public static final int MAX_PER_OBJECT = 100;

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CurrentModel model;
  @Inject private Permissions permissions;
  @Inject private Clock clock;

  /** The actor's views of {@code object}, by label; 404 when they may not read the object. */
  public List<PersonalView> of(Actor actor, String object) {
    readable(actor, object);
    return run(
        false,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT name, document FROM relata.personal_view"
                      + " WHERE owner_id = ? AND object = ? ORDER BY lower(document->>'label'), name")) {
            select.setObject(1, actor.id());
            select.setString(2, object);
            List<PersonalView> views = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                views.add(read(object, rows.getString(1), JsonCodec.parse(rows.getString(2))));
              }
            }
            return views;
          }
        });
  }

  /**
   * Saves the view as the actor's own, in place of theirs of the same name; 400 with the problems
   * at their places when it names what they may not see or cannot run.
   *
   * @return whether it is new
   */
  public boolean save(Actor actor, PersonalView view) {
    ObjectAccess access = readable(actor, view.object());
    List<Violation> violations = problems(access.visibleDefinition(), view);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return run(
        true,
        connection -> {
          boolean exists = exists(connection, actor, view);
          if (!exists && count(connection, actor, view.object()) >= MAX_PER_OBJECT) {
            throw new InvalidRequestException(
                List.of(new Violation("", "view.too-many", List.of(MAX_PER_OBJECT))));
          }
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO relata.personal_view (owner_id, object, name, document, updated_at)"
                      + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (owner_id, object, name)"
                      + " DO UPDATE SET document = excluded.document,"
                      + " updated_at = excluded.updated_at")) {
            upsert.setObject(1, actor.id());
            upsert.setString(2, view.object());
            upsert.setString(3, view.name());
            upsert.setString(4, JsonCodec.text(json(view)));
            upsert.setObject(5, Now.of(clock));
            upsert.executeUpdate();
          }
          return !exists;
        });
  }

  /** Deletes the actor's view; 404 when they have none of that name. */
  public void delete(Actor actor, String object, String name) {
    readable(actor, object);
    boolean deleted =
        run(
            true,
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM relata.personal_view"
                          + " WHERE owner_id = ? AND object = ? AND name = ?")) {
                delete.setObject(1, actor.id());
                delete.setString(2, object);
                delete.setString(3, name);
                return delete.executeUpdate() == 1;
              }
            });
    if (!deleted) {
      throw RecordNotFoundException.record(object, name);
    }
  }

  /** What is wrong with {@code view} for someone who sees {@code object} as it is given. */
  static List<Violation> problems(ObjectDefinition object, PersonalView view) {
    List<Violation> violations = new ArrayList<>();
    if (!NAME.matcher(view.name()).matches()) {
      violations.add(new Violation("/name", "schema.pattern", List.of(NAME.pattern())));
    }
    if (view.label().isBlank() || view.label().length() > 120) {
      violations.add(new Violation("/label", "schema.maxLength", List.of(120)));
    }
    if (view.columns().isEmpty() || view.columns().size() > 50) {
      violations.add(new Violation("/columns", "view.columns", List.of(50)));
    }
    for (int i = 0; i < view.columns().size(); i++) {
      if (SystemFields.field(object, view.columns().get(i)).isEmpty()) {
        violations.add(
            new Violation("/columns/" + i, "query.unknown-field", List.of(view.columns().get(i))));
      }
    }
    for (int i = 0; i < view.sort().size(); i++) {
      String name = view.sort().get(i).replaceFirst("^-", "");
      Optional<FieldDefinition> field = SystemFields.field(object, name);
      if (field.isEmpty()) {
        violations.add(new Violation("/sort/" + i, "query.unknown-field", List.of(name)));
      } else if (!FieldTypes.of(field.get().type()).sortable()) {
        violations.add(new Violation("/sort/" + i, "query.not-sortable", List.of(name)));
      }
    }
    view.filter()
        .ifPresent(
            filter -> {
              try {
                ConditionChecker.condition(ConditionParser.parse(filter), object, Scope.QUERY);
              } catch (ConditionException e) {
                Problem problem = e.problem("/filter");
                violations.add(
                    new Violation(problem.pointer(), problem.code(), List.copyOf(problem.args())));
              }
            });
    return violations;
  }

  /** The actor's access to the object; 404 (as for records) when they may not read it. */
  private ObjectAccess readable(Actor actor, String object) {
    CompiledModel current = model.current();
    ObjectDefinition definition =
        current.object(object).orElseThrow(() -> RecordNotFoundException.object(object));
    ObjectAccess access = permissions.evaluator(actor, current).on(definition);
    if (!access.rights().read()) {
      throw RecordNotFoundException.object(object);
    }
    return access;
  }

  static ObjectNode json(PersonalView view) {
    ObjectNode json = JsonCodec.object();
    json.put("name", view.name()).put("label", view.label());
    ArrayNode columns = json.putArray("columns");
    view.columns().forEach(columns::add);
    view.filter().ifPresent(f -> json.put("filter", f));
    ArrayNode sort = json.putArray("sort");
    view.sort().forEach(sort::add);
    return json;
  }

  static PersonalView read(String object, String name, JsonNode json) {
    List<String> columns = new ArrayList<>();
    json.path("columns").forEach(c -> columns.add(c.asText()));
    List<String> sort = new ArrayList<>();
    json.path("sort").forEach(s -> sort.add(s.asText()));
    return new PersonalView(
        object,
        name,
        json.path("label").asText(name),
        columns,
        Optional.ofNullable(json.get("filter")).filter(JsonNode::isTextual).map(JsonNode::asText),
        sort);
  }

  private static boolean exists(Connection connection, Actor actor, PersonalView view)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM relata.personal_view WHERE owner_id = ? AND object = ? AND name = ?")) {
      select.setObject(1, actor.id());
      select.setString(2, view.object());
      select.setString(3, view.name());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static int count(Connection connection, Actor actor, String object) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT count(*) FROM relata.personal_view WHERE owner_id = ? AND object = ?")) {
      select.setObject(1, actor.id());
      select.setString(2, object);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private <T> T run(boolean write, Transactions.Work<T> work) {
    return PersonalRows.run(dataSource, write, work);
  }
}
