package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.RollUpFunction;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.record.RecordReader;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.Sql;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.schema.Identifiers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The path of a new record, shared by {@code POST} and imports: read the client's JSON into typed
 * values (defaults applied, rich text sanitised, the pipeline's first stage), check the rules, then
 * give it what the platform sets — id, owner, authors, times, auto-numbers, roll-ups at zero.
 */
final class NewRecords {

  /** System fields a client may not write ({@code stage} is written like any field). */
  static final Set<String> READ_ONLY =
      SystemFields.NAMES.stream()
          .filter(name -> !name.equals("stage"))
          .collect(Collectors.toUnmodifiableSet());

  private NewRecords() {}

  /**
   * The typed, checked values of a new record (an import row's JSON); 400 with every violation
   * otherwise.
   */
  static Map<String, Object> read(CompiledObject object, JsonNode body, Clock clock) {
    ObjectNode input = requireObject(body);
    refuseReadOnly(input.fieldNames());
    Map<String, Object> values = values(object, input);
    Map<String, Object> candidate = new LinkedHashMap<>();
    object.columns().forEach(c -> candidate.put(c.name(), null));
    candidate.putAll(values);
    invalidIfAny(
        RecordRules.check(
            object,
            Optional.empty(),
            Formulas.compute(object, candidate, clock),
            io.relata.metadata.condition.ConditionContext.of(
                clock, clock.getZone(), Optional.empty())));
    return values;
  }

  /**
   * The typed values of a new record, defaults applied, rich text sanitised, in the pipeline's
   * first stage; 400 with every violation of a field's type otherwise. Rules are not checked.
   */
  static Map<String, Object> values(CompiledObject object, ObjectNode input) {
    applyDefaults(object, input);
    RecordReader.Result read = RecordReader.read(object.definition(), input);
    invalidIf(read.problems());
    Map<String, Object> values = sanitised(object, read.values());
    object
        .definition()
        .pipeline()
        .filter(p -> values.get("stage") == null && !p.stages().isEmpty())
        .ifPresent(p -> values.put("stage", p.stages().get(0).name()));
    return values;
  }

  /** The row to insert: the values and what the platform sets. */
  static Map<String, Object> row(
      CompiledObject object,
      Map<String, Object> values,
      UUID actor,
      OffsetDateTime now,
      Clock clock) {
    Map<String, Object> row = new LinkedHashMap<>(values);
    row.put("id", RecordIds.next(clock));
    // an owner a before-save hook or an automation gave the record; else its creator
    row.putIfAbsent("owner_id", actor);
    if (row.get("owner_id") == null) {
      row.put("owner_id", actor);
    }
    row.put("created_at", now);
    row.put("created_by", actor);
    row.put("updated_at", now);
    row.put("updated_by", actor);
    row.put("version", 1L);
    for (FieldDefinition field : object.definition().fields()) {
      if (field.type() instanceof FieldType.RollUp rollUp
          && (rollUp.function() == RollUpFunction.COUNT
              || rollUp.function() == RollUpFunction.SUM)) {
        row.put(field.name(), BigDecimal.ZERO);
      }
    }
    return row;
  }

  /** Numbers each row's auto-number fields from their sequences, one round trip per field. */
  static void assignAutoNumbers(
      Connection connection, CompiledObject object, Collection<Map<String, Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    for (FieldDefinition field : object.definition().fields()) {
      if (field.type() instanceof FieldType.AutoNumber auto) {
        String sequence =
            quote(Identifiers.SCHEMA)
                + "."
                + quote(Identifiers.derived(object.name(), field.name(), "seq"));
        try (PreparedStatement next =
            connection.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
          next.setString(1, sequence);
          next.setInt(2, rows.size());
          try (ResultSet numbers = next.executeQuery()) {
            for (Map<String, Object> row : rows) {
              numbers.next();
              row.put(field.name(), AutoNumbers.format(auto.format(), numbers.getLong(1)));
            }
          }
        }
      }
    }
  }

  /** Whether {@code object} has references, whose values {@link #deadReferences} looks up. */
  static boolean hasReferences(CompiledObject object) {
    return object.definition().fields().stream()
        .anyMatch(field -> target(field) != null || field.type() instanceof FieldType.About);
  }

  /** The object a lookup or master-detail field refers to; null for other fields. */
  private static String target(FieldDefinition field) {
    return field.type() instanceof FieldType.Lookup lookup
        ? lookup.target()
        : field.type() instanceof FieldType.MasterDetail md ? md.target() : null;
  }

  /**
   * The references of {@code rows} that point at no live record the writer may refer to, one query
   * per reference field for all rows; by row, the violations. A lookup's target must be readable by
   * the writer, a master-detail master editable; a record they may not reach gets the same {@code
   * record.reference-missing} as one that does not exist, so a write cannot probe for records.
   */
  static Map<Map<String, Object>, List<Violation>> deadReferences(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      AccessEvaluator writer,
      CompiledObject object,
      Collection<Map<String, Object>> rows)
      throws SQLException {
    Map<Map<String, Object>, List<Violation>> dead = new java.util.IdentityHashMap<>();
    for (FieldDefinition field : object.definition().fields()) {
      if (field.type() instanceof FieldType.About) {
        AboutLinks.dead(connection, snapshot, writer, field, rows)
            .forEach(
                row ->
                    dead.computeIfAbsent(row, r -> new ArrayList<>())
                        .add(
                            new Violation(
                                "/" + field.name(), "record.reference-missing", List.of())));
        continue;
      }
      String target = target(field);
      if (target == null) {
        continue;
      }
      Set<UUID> ids = new HashSet<>();
      rows.forEach(
          r -> {
            if (r.get(field.name()) instanceof UUID id) {
              ids.add(id);
            }
          });
      if (ids.isEmpty()) {
        continue;
      }
      CompiledObject targetObject = snapshot.object(target).orElseThrow();
      ObjectAccess access = writer.on(targetObject.definition());
      Sql reachable =
          field.type() instanceof FieldType.MasterDetail
              ? access.edit().condition()
              : access.read().condition();
      Set<UUID> live = new HashSet<>();
      String sql =
          "SELECT \"id\" FROM "
              + targetObject.table()
              + " WHERE \"id\" = ANY(?) AND \"deleted_at\" IS NULL AND "
              + reachable.text()
              + " FOR SHARE";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        for (int i = 0; i < reachable.binds().size(); i++) {
          ColumnValues.bind(connection, statement, i + 2, reachable.binds().get(i));
        }
        try (ResultSet found = statement.executeQuery()) {
          while (found.next()) {
            live.add(found.getObject(1, UUID.class));
          }
        }
      }
      for (Map<String, Object> row : rows) {
        if (row.get(field.name()) instanceof UUID id && !live.contains(id)) {
          dead.computeIfAbsent(row, r -> new ArrayList<>())
              .add(new Violation("/" + field.name(), "record.reference-missing", List.of()));
        }
      }
    }
    return dead;
  }

  /** 400 with the violations of {@code row}'s references, if any. */
  static void requireLiveReferences(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      AccessEvaluator writer,
      CompiledObject object,
      Map<String, Object> row)
      throws SQLException {
    invalidIfAny(
        deadReferences(connection, snapshot, writer, object, List.of(row))
            .getOrDefault(row, List.of()));
  }

  static Map<String, Object> sanitised(CompiledObject object, Map<String, Object> values) {
    Map<String, Object> result = new LinkedHashMap<>(values);
    for (Map.Entry<String, Object> entry : result.entrySet()) {
      boolean rich =
          object
              .field(entry.getKey())
              .map(f -> f.type().kind() == FieldKind.RICH_TEXT)
              .orElse(false);
      if (rich && entry.getValue() instanceof String html) {
        entry.setValue(RichText.sanitize(html));
      }
    }
    return result;
  }

  static ObjectNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException(
          List.of(new Violation("", "record.not-an-object", List.of())));
    }
    return (ObjectNode) body;
  }

  /** 400 naming each of {@code names} that only the platform writes. */
  static void refuseReadOnly(Iterator<String> names) {
    List<Violation> violations = new ArrayList<>();
    while (names.hasNext()) {
      String name = names.next();
      if (READ_ONLY.contains(name)) {
        violations.add(new Violation("/" + name, "record.read-only", List.of(name)));
      }
    }
    invalidIfAny(violations);
  }

  private static void applyDefaults(CompiledObject object, ObjectNode input) {
    for (FieldDefinition field : object.definition().fields()) {
      if (field.defaultValue().isPresent() && !input.has(field.name())) {
        input.set(field.name(), JsonCodec.parse(field.defaultValue().get()));
      }
    }
  }

  static void invalidIf(List<Problem> problems) {
    invalidIfAny(
        problems.stream()
            .map(p -> new Violation(p.pointer(), p.code(), List.<Object>copyOf(p.args())))
            .toList());
  }

  static void invalidIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
