package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessModel;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.Aggregation;
import io.relata.platform.query.ConditionSql;
import io.relata.platform.query.Cursor;
import io.relata.platform.query.Keyset;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.query.SearchTerms;
import io.relata.platform.query.SortKey;
import io.relata.platform.query.Sql;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.schema.SearchVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists, counts and aggregates of records, for {@link RecordService}: checks the request against
 * the object, compiles it to one parameterised query, pages by keyset. Counts are exact up to
 * {@value #EXACT_COUNT_LIMIT} matches; beyond, the planner's estimate, flagged as such — an exact
 * count of a million rows is a full scan on every page.
 */
@ApplicationScoped
public class RecordLists {

  public static final int EXACT_COUNT_LIMIT = 10_000;

  /** How many records match: {@code exact} false when it is the planner's estimate. */
  public record Total(long count, boolean exact) {}

  /** One page of records. */
  public record Page(List<ObjectNode> items, Optional<String> nextCursor, Optional<Total> total) {}

  private final Clock clock;
  private final CompiledObjects objects;

  /** For CDI's proxy. */
  protected RecordLists() {
    this(null, null);
  }

  @Inject
  public RecordLists(Clock clock, CompiledObjects objects) {
    this.clock = clock;
    this.objects = objects;
  }

  Page page(
      Connection connection,
      AccessEvaluator evaluator,
      CompiledObject object,
      RecordQuery query,
      boolean recycled,
      Optional<Typed> extra)
      throws SQLException {
    return page(connection, evaluator, object, query, recycled, extra, 0);
  }

  /**
   * A page that starts {@code skip} records after the query's cursor (or its start): how a screen
   * jumps to a row it has no cursor near. The database still walks the skipped records, so the cost
   * grows with {@code skip}; the screens keep it bounded by skipping from the nearest cursor they
   * know.
   */
  Page page(
      Connection connection,
      AccessEvaluator evaluator,
      CompiledObject object,
      RecordQuery query,
      boolean recycled,
      Optional<Typed> extra,
      long skip)
      throws SQLException {
    ObjectAccess access = evaluator.on(object.definition());
    access.require("read");
    List<Violation> violations = new ArrayList<>();
    Sql where = where(evaluator, access, object, query.filter(), recycled, extra, violations);
    if (query.search().isPresent()) {
      where = where.join(" AND ", search(object, access, query.search().get(), violations));
    }
    SortKey.Parsed sort =
        SortKey.parse(query.sort().orElse(SortKey.DEFAULT), visibleField(object, access));
    sort.problems().forEach(p -> violations.add(violation(p, "")));
    query
        .fields()
        .ifPresent(
            fields ->
                fields.stream()
                    .filter(f -> !RecordView.known(object, f) || !access.visible(f))
                    .forEach(
                        f ->
                            violations.add(
                                new Violation("fields", "query.unknown-field", List.of(f)))));
    expandProblems(object, access, query.expand(), violations);
    if (query.limit() < 1 || query.limit() > RecordQuery.MAX_LIMIT) {
      violations.add(new Violation("limit", "query.limit", List.of(RecordQuery.MAX_LIMIT)));
    }
    Keyset keyset = new Keyset(sort.keys(), object.field("id").orElseThrow());
    Optional<List<Object>> after = Optional.empty();
    if (query.cursor().isPresent() && violations.isEmpty()) {
      after = Cursor.decode(query.cursor().get(), keyset.keys());
      if (after.isEmpty()) {
        violations.add(new Violation("cursor", "query.cursor", List.of()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Sql condition = after.isPresent() ? where.join(" AND ", keyset.after(after.get())) : where;
    Sql select =
        new Sql(
            "SELECT "
                + object.selectList()
                + " FROM "
                + object.table()
                + " WHERE "
                + condition.text()
                + " "
                + keyset.orderBy()
                + " LIMIT "
                + (query.limit() + 1)
                + (skip > 0 ? " OFFSET " + skip : ""),
            condition.binds());
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, select);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(RecordStore.row(result, object));
      }
    }
    Optional<String> next = Optional.empty();
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      Map<String, Object> last = rows.get(rows.size() - 1);
      next =
          Optional.of(
              Cursor.encode(
                  keyset.keys(),
                  keyset.keys().stream().map(k -> last.get(k.field().name())).toList()));
    }
    Optional<Total> total =
        query.total() ? Optional.of(count(connection, object, where)) : Optional.empty();
    Clock readers = readersClock(evaluator);
    List<Map<String, Object>> computed =
        rows.stream().map(r -> access.strip(Formulas.compute(object, r, readers))).toList();
    var expanded =
        Expansions.of(
            connection, objects.current(), evaluator, object, query.expand(), computed, readers);
    List<ObjectNode> items =
        computed.stream().map(r -> RecordView.of(object, r, query.fields(), expanded)).toList();
    return new Page(items, next, total);
  }

  /** Receives exported records one by one: their fields, formulas computed. */
  public interface Sink {
    void start(CompiledObject object, List<String> fields) throws java.io.IOException;

    void record(Map<String, Object> values) throws java.io.IOException;
  }

  /**
   * The clock formulas are computed by for a reader: {@code today()} is the reader's day, as the
   * relative dates of their filters are.
   */
  Clock readersClock(AccessEvaluator evaluator) {
    return clock.withZone(evaluator.subject().zone());
  }

  /** Every matching record, in order, through a server-side cursor (no limit, no page). */
  void stream(
      Connection connection,
      AccessEvaluator evaluator,
      CompiledObject object,
      RecordQuery query,
      Sink sink)
      throws SQLException {
    ObjectAccess access = evaluator.on(object.definition());
    access.require("read");
    List<Violation> violations = new ArrayList<>();
    Sql where =
        where(evaluator, access, object, query.filter(), false, Optional.empty(), violations);
    if (query.search().isPresent()) {
      where = where.join(" AND ", search(object, access, query.search().get(), violations));
    }
    SortKey.Parsed sort =
        SortKey.parse(query.sort().orElse(SortKey.DEFAULT), visibleField(object, access));
    sort.problems().forEach(p -> violations.add(violation(p, "")));
    List<String> fields = query.fields().orElseGet(() -> exportedByDefault(object, access));
    fields.stream()
        .filter(f -> !RecordView.known(object, f) || !access.visible(f))
        .forEach(f -> violations.add(new Violation("fields", "query.unknown-field", List.of(f))));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Keyset keyset = new Keyset(sort.keys(), object.field("id").orElseThrow());
    Sql select =
        new Sql(
            "SELECT "
                + object.selectList()
                + " FROM "
                + object.table()
                + " WHERE "
                + where.text()
                + " "
                + keyset.orderBy(),
            where.binds());
    try {
      sink.start(object, fields);
      try (PreparedStatement statement = prepare(connection, select)) {
        Clock readers = readersClock(evaluator);
        statement.setFetchSize(1_000);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            sink.record(
                access.strip(Formulas.compute(object, RecordStore.row(rows, object), readers)));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A record as the API shows it, limited to {@code fields}. */
  public static com.fasterxml.jackson.databind.node.ObjectNode view(
      CompiledObject object, Map<String, Object> values, Optional<List<String>> fields) {
    return RecordView.of(object, values, fields, Map.of());
  }

  /** Every field, system fields first, a per-record currency after its amount. */
  private static List<String> exportedByDefault(CompiledObject object, ObjectAccess access) {
    List<String> fields = new ArrayList<>();
    for (FieldDefinition field : object.fields()) {
      if (!access.visible(field.name())) {
        continue;
      }
      if (!field.name().equals("deleted_at")) {
        fields.add(field.name());
      }
      if (field.type() instanceof io.relata.metadata.definition.FieldType.Currency c
          && c.perRecord()) {
        fields.add(io.relata.metadata.schema.RecordSchema.currencyOf(field.name()));
      }
    }
    return fields;
  }

  JsonNode aggregate(
      Connection connection,
      AccessEvaluator evaluator,
      CompiledObject object,
      Optional<Expression> filter,
      Optional<String> groupBy,
      String metrics,
      Optional<String> ownerRole,
      AccessModel roles)
      throws SQLException {
    ObjectAccess access = evaluator.on(object.definition());
    access.require("read");
    List<Violation> violations = new ArrayList<>();
    Sql where = where(evaluator, access, object, filter, false, Optional.empty(), violations);
    if (ownerRole.isPresent()) {
      // a team's figures are for those above it, or who manage users or metadata: to anyone
      // else, a role they may not look into is as unknown as one that does not exist
      boolean mayLook =
          evaluator.holds(io.relata.metadata.access.SystemPermission.MANAGE_USERS)
              || evaluator.holds(io.relata.metadata.access.SystemPermission.MANAGE_METADATA)
              || evaluator
                  .subject()
                  .role()
                  .filter(own -> roles.within(ownerRole.get(), own))
                  .isPresent();
      if (!mayLook || roles.role(ownerRole.get()).isEmpty() || object.field("owner_id").isEmpty()) {
        violations.add(new Violation("role", "access.unknown-role", List.of(ownerRole.get())));
      } else {
        List<String> within = new ArrayList<>(roles.subordinates(ownerRole.get()));
        within.add(ownerRole.get());
        where = where.join(" AND ", AccessEvaluator.ownedByRoles(within));
      }
    }
    Aggregation.Parsed parsed =
        Aggregation.parse(
            groupBy, metrics, visibleField(object, access), object.definition().pipeline());
    parsed.problems().forEach(p -> violations.add(violation(p, "")));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Aggregation aggregation = parsed.aggregation().orElseThrow();
    ObjectNode answer = JsonCodec.object();
    ArrayNode groups = answer.putArray("groups");
    try (PreparedStatement statement = prepare(connection, aggregation.sql(object.table(), where));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next() && groups.size() < Aggregation.MAX_GROUPS) {
        ObjectNode group = groups.addObject();
        for (int i = 0; i < aggregation.groups().size(); i++) {
          Aggregation.Group by = aggregation.groups().get(i);
          String column = Aggregation.keyColumn(i);
          Object key =
              by.granularity().isPresent()
                  ? rows.getObject(column, LocalDate.class)
                  : ColumnValues.read(rows, column, by.field().type());
          group.set(by.field().name(), JsonCodec.value(key));
        }
        for (Aggregation.Metric metric : aggregation.metrics()) {
          Object value =
              metric.function().equals("count")
                  ? (Object) rows.getLong(metric.name())
                  : metric.field().isPresent()
                          && (metric.function().equals("min") || metric.function().equals("max"))
                      ? ColumnValues.read(rows, metric.name(), metric.field().get().type())
                      : rows.getBigDecimal(metric.name());
          group.set(metric.name(), JsonCodec.value(value));
        }
      }
      answer.put("truncated", rows.next() || groups.size() > Aggregation.MAX_GROUPS);
    }
    return answer;
  }

  /** 400 when {@code expand} names anything but references of the object. */
  void checkExpand(CompiledObject object, ObjectAccess access, List<String> expand) {
    List<Violation> violations = new ArrayList<>();
    expandProblems(object, access, expand, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static void expandProblems(
      CompiledObject object, ObjectAccess access, List<String> expand, List<Violation> violations) {
    for (String name : expand) {
      if (object
          .field(name)
          .filter(RecordView::expandable)
          .filter(f -> access.visible(name))
          .isEmpty()) {
        violations.add(new Violation("expand", "query.not-expandable", List.of(name)));
      }
    }
  }

  /** The condition that the record's text matches what was typed; {@code TRUE} when refused. */
  private static Sql search(
      CompiledObject object, ObjectAccess access, String text, List<Violation> violations) {
    if (!SearchVector.exists(access.visibleDefinition())) {
      violations.add(new Violation("q", "search.not-searchable", List.of(object.name())));
      return Sql.of("TRUE");
    }
    SearchTerms.Parsed terms = SearchTerms.parse(text, "q");
    terms.problems().forEach(p -> violations.add(violation(p, "")));
    return terms
        .query()
        .map(q -> Sql.of(SearchTerms.condition(object.definition(), access.visibleDefinition()), q))
        .orElse(Sql.of("TRUE"));
  }

  /** The live (or recycled) records that match the filter and the extra condition. */
  private Sql where(
      AccessEvaluator evaluator,
      ObjectAccess access,
      CompiledObject object,
      Optional<Expression> filter,
      boolean recycled,
      Optional<Typed> extra,
      List<Violation> violations) {
    Sql where = Sql.of("\"deleted_at\" IS " + (recycled ? "NOT NULL" : "NULL"));
    ConditionContext context =
        ConditionContext.of(
            clock, evaluator.subject().zone(), Optional.of(evaluator.subject().user()));
    if (!access.read().isAll()) {
      where = where.join(" AND ", access.read().condition());
    }
    if (filter.isPresent()) {
      try {
        // hidden fields are not in the visible definition: a filter on one names no field
        Typed condition =
            ConditionChecker.condition(filter.get(), access.visibleDefinition(), Scope.QUERY)
                .typed();
        Sql compiled = ConditionSql.compile(condition, context);
        where = where.join(" AND ", new Sql("(" + compiled.text() + ")", compiled.binds()));
      } catch (ConditionException e) {
        violations.add(violation(e.problem(""), "filter"));
      }
    }
    if (extra.isPresent()) {
      Sql compiled = ConditionSql.compile(extra.get(), context);
      where = where.join(" AND ", new Sql("(" + compiled.text() + ")", compiled.binds()));
    }
    return where;
  }

  /**
   * The next {@code limit} ids after {@code after} (in id order) of the live records that the user
   * may read and that match {@code filter}; 400 with the filter's problems. For bulk operations,
   * which walk everything a filter matches a chunk at a time.
   */
  List<java.util.UUID> ids(
      Connection connection,
      AccessEvaluator evaluator,
      CompiledObject object,
      Expression filter,
      Optional<java.util.UUID> after,
      int limit)
      throws SQLException {
    ObjectAccess access = evaluator.on(object.definition());
    access.require("read");
    List<Violation> violations = new ArrayList<>();
    Sql where =
        where(evaluator, access, object, Optional.of(filter), false, Optional.empty(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    if (after.isPresent()) {
      where = where.join(" AND ", Sql.of("\"id\" > ?", after.get()));
    }
    Sql sql =
        new Sql(
            "SELECT \"id\" FROM "
                + object.table()
                + " WHERE "
                + where.text()
                + " ORDER BY \"id\" LIMIT "
                + limit,
            where.binds());
    List<java.util.UUID> ids = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, java.util.UUID.class));
      }
    }
    return ids;
  }

  /**
   * The planner first, then a count only when it is worth it: when the planner's estimate is twice
   * {@value #EXACT_COUNT_LIMIT} or more, the estimate, flagged; otherwise an exact count that stops
   * at {@value #EXACT_COUNT_LIMIT} + 1 (and falls back to the estimate, never less than what was
   * counted, when the planner was short). Measured on 1,000,000 records with 10% matching: the
   * capped count took ~24 ms of a 28 ms first page; asking the planner takes ~0.2 ms.
   */
  private static Total count(Connection connection, CompiledObject object, Sql where)
      throws SQLException {
    long estimate = estimate(connection, object, where);
    if (estimate > 2L * EXACT_COUNT_LIMIT) {
      // far enough above the limit that the planner's usual errors do not make a small set look
      // large; nearer it, the capped count decides
      return new Total(estimate, false);
    }
    Sql capped =
        new Sql(
            "SELECT count(*) FROM (SELECT 1 FROM "
                + object.table()
                + " WHERE "
                + where.text()
                + " LIMIT "
                + (EXACT_COUNT_LIMIT + 1)
                + ") AS matches",
            where.binds());
    long counted;
    try (PreparedStatement statement = prepare(connection, capped);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      counted = rows.getLong(1);
    }
    if (counted <= EXACT_COUNT_LIMIT) {
      return new Total(counted, true);
    }
    return new Total(Math.max(estimate, counted), false);
  }

  /** The planner's estimate of the rows matching {@code where}. */
  private static long estimate(Connection connection, CompiledObject object, Sql where)
      throws SQLException {
    Sql explain =
        new Sql(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM " + object.table() + " WHERE " + where.text(),
            where.binds());
    try (PreparedStatement statement = prepare(connection, explain);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      JsonNode plan = JsonCodec.parse(rows.getString(1));
      return plan.path(0).path("Plan").path("Plan Rows").asLong(0);
    }
  }

  /** Looks fields up as the user sees the object: a hidden field is no field. */
  private static java.util.function.Function<String, Optional<FieldDefinition>> visibleField(
      CompiledObject object, ObjectAccess access) {
    return name -> object.field(name).filter(f -> access.visible(f.name()));
  }

  private static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.text());
    try {
      for (int i = 0; i < sql.binds().size(); i++) {
        ColumnValues.bind(connection, statement, i + 1, sql.binds().get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static Violation violation(io.relata.metadata.problem.Problem p, String prefix) {
    return new Violation(prefix + p.pointer(), p.code(), List.<Object>copyOf(p.args()));
  }
}
