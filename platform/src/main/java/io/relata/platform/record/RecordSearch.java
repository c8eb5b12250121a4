package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldKind;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.SearchTerms;
import io.relata.platform.query.Sql;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.schema.SearchVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Search across objects: one statement, a ranked, index-served subquery per searchable object, the
 * best {@code limit} of all of them by rank. Each hit names its object, id and name.
 */
final class RecordSearch {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private RecordSearch() {}

  static ObjectNode search(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      AccessEvaluator evaluator,
      String text,
      Optional<List<String>> only,
      int limit)
      throws SQLException {
    List<Violation> violations = new ArrayList<>();
    SearchTerms.Parsed terms = SearchTerms.parse(text, "q");
    terms
        .problems()
        .forEach(p -> violations.add(new Violation(p.pointer(), p.code(), List.copyOf(p.args()))));
    if (limit < 1 || limit > MAX_LIMIT) {
      violations.add(new Violation("limit", "query.limit", List.of(MAX_LIMIT)));
    }
    List<CompiledObject> targets = new ArrayList<>();
    if (only.isPresent()) {
      for (String name : only.get()) {
        Optional<CompiledObject> object = snapshot.object(name);
        if (object.isEmpty() || !searchable(evaluator.on(object.get().definition()))) {
          violations.add(new Violation("objects", "search.not-searchable", List.of(name)));
        } else {
          targets.add(object.get());
        }
      }
    } else {
      snapshot.objects().values().stream()
          .filter(o -> searchable(evaluator.on(o.definition())))
          .sorted(java.util.Comparator.comparing(CompiledObject::name))
          .forEach(targets::add);
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    ObjectNode answer = JsonCodec.object();
    ArrayNode items = answer.putArray("items");
    if (targets.isEmpty()) {
      return answer;
    }
    List<String> parts = new ArrayList<>();
    List<Sql> readable = new ArrayList<>();
    for (CompiledObject object : targets) {
      ObjectAccess access = evaluator.on(object.definition());
      Sql condition = access.read().condition();
      readable.add(condition);
      parts.add(
          "(SELECT CAST(? AS text) AS \"object\", \"id\", "
              + name(object, access)
              + " AS \"name\", "
              + SearchTerms.rank(object.definition(), access.visibleDefinition())
              + " AS \"rank\" FROM "
              + object.table()
              + " WHERE \"deleted_at\" IS NULL AND "
              + SearchTerms.condition(object.definition(), access.visibleDefinition())
              + " AND "
              + condition.text()
              + " ORDER BY 4 DESC LIMIT "
              + limit
              + ")");
    }
    String sql =
        "SELECT * FROM ("
            + String.join(" UNION ALL ", parts)
            + ") AS \"hits\" ORDER BY 4 DESC, 1, 2 LIMIT "
            + limit;
    List<String> query = terms.query().orElseThrow();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (int t = 0; t < targets.size(); t++) {
        statement.setString(i++, targets.get(t).name());
        ColumnValues.bind(connection, statement, i++, query);
        ColumnValues.bind(connection, statement, i++, query);
        for (Object bind : readable.get(t).binds()) {
          ColumnValues.bind(connection, statement, i++, bind);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ObjectNode hit = items.addObject();
          hit.put("object", rows.getString(1));
          hit.put("id", rows.getObject(2, UUID.class).toString());
          hit.put("name", rows.getString(3));
          hit.put("rank", rows.getDouble(4));
        }
      }
    }
    return answer;
  }

  /** The name field as text; objects named by a formula are named by id. */
  /** Searchable for this user: readable, with a searched field they may see. */
  private static boolean searchable(ObjectAccess access) {
    return access.rights().read() && SearchVector.exists(access.visibleDefinition());
  }

  private static String name(CompiledObject object, ObjectAccess access) {
    String field = object.definition().nameField();
    boolean stored =
        object.field(field).map(f -> f.type().kind() != FieldKind.FORMULA).orElse(false)
            && access.visible(field);
    return stored ? quote(field) + "::text" : "\"id\"::text";
  }
}
