package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldKind;
import io.relata.platform.query.SearchTerms;
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
        if (object.isEmpty() || !SearchVector.exists(object.get().definition())) {
          violations.add(new Violation("objects", "search.not-searchable", List.of(name)));
        } else {
          targets.add(object.get());
        }
      }
    } else {
      snapshot.objects().values().stream()
          .filter(o -> SearchVector.exists(o.definition()))
          .sorted(java.util.Comparator.comparing(CompiledObject::name))
          .forEach(targets::add);
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    ObjectNode answer = RecordJson.object();
    ArrayNode items = answer.putArray("items");
    if (targets.isEmpty()) {
      return answer;
    }
    List<String> parts = new ArrayList<>();
    for (CompiledObject object : targets) {
      parts.add(
          "(SELECT CAST(? AS text) AS \"object\", \"id\", "
              + name(object)
              + " AS \"name\", "
              + SearchTerms.RANK
              + " AS \"rank\" FROM "
              + object.table()
              + " WHERE \"deleted_at\" IS NULL AND "
              + SearchTerms.CONDITION
              + " ORDER BY 4 DESC LIMIT "
              + limit
              + ")");
    }
    String sql =
        "SELECT * FROM ("
            + String.join(" UNION ALL ", parts)
            + ") AS \"hits\" ORDER BY 4 DESC, 1, 2 LIMIT "
            + limit;
    String query = terms.query().orElseThrow();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (CompiledObject object : targets) {
        statement.setString(i++, object.name());
        statement.setString(i++, query);
        statement.setString(i++, query);
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
  private static String name(CompiledObject object) {
    String field = object.definition().nameField();
    boolean stored =
        object.field(field).map(f -> f.type().kind() != FieldKind.FORMULA).orElse(false);
    return stored ? quote(field) + "::text" : "\"id\"::text";
  }
}
