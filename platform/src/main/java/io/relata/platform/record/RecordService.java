package io.relata.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.ValueType;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.database.CopyPipeline;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The only way to records (ARCHITECTURE.md, "The flow of a record"). Every call names the acting
 * user, whose access the {@link AccessEvaluator} decides before anything is written: object rights
 * (403), fields (hidden ones stripped from answers, refused in filters and sorts, written ones
 * checked: 403), and records (a record the user may not read is a 404, which the same predicate as
 * every list decides). Each call runs in one database transaction: read and type the values, apply
 * defaults, sanitise rich text, check the pipeline guard and the validation rules on the record as
 * it would be stored, assign auto-numbers, write with optimistic locking, keep roll-ups current.
 * The platform sets id, owner, authors, times and version; a client that sends them is refused.
 */
@ApplicationScoped
public class RecordService {

  private final DataSource dataSource;
  private final CompiledObjects objects;
  private final Clock clock;
  private final RecordLists lists;
  private final RecordHooks hooks;
  private final WritePipeline writes;

  /** For CDI's proxy. */
  protected RecordService() {
    this.dataSource = null;
    this.objects = null;
    this.clock = null;
    this.lists = null;
    this.hooks = null;
    this.writes = null;
  }

  @Inject
  public RecordService(
      DataSource dataSource,
      CompiledObjects objects,
      Clock clock,
      RecordLists lists,
      RecordHooks hooks) {
    this.dataSource = dataSource;
    this.objects = objects;
    this.clock = clock;
    this.lists = lists;
    this.hooks = hooks;
    this.writes = new WritePipeline(dataSource, hooks);
  }

  /** The compiled object {@code name}, or 404. */
  public CompiledObject object(String name) {
    return objects.current().required(name);
  }

  /** Creates a record; 400 with every violation, nothing written. */
  public StoredRecord create(WriteContext context, String objectName, RecordInput input) {
    return write(context, objectName, RecordWrites.create(input));
  }

  /**
   * Updates, assigns or deletes many records, each through the write pipeline; a record that is
   * refused is reported and the others are still changed. The journal learns of each committed
   * chunk in its transaction.
   */
  public BulkResult bulk(
      WriteContext context, String objectName, BulkRequest request, BulkJournal journal) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    try (Connection connection = dataSource.getConnection()) {
      RecordBulk.Outcome outcome =
          new RecordBulk(writes, lists)
              .run(connection, context, snapshot, object, request, journal);
      return new BulkResult(outcome.succeeded(), outcome.failed(), outcome.errors());
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
  }

  /**
   * Refuses a bulk request before anything is written or recorded of it: the object right, and the
   * fields its values write. The operation itself checks again, on its own connection.
   */
  public void admitBulk(Actor actor, String objectName, BulkRequest request) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    reading(
        object,
        connection -> {
          RecordBulk.admit(evaluator(connection, actor, snapshot), object, request);
          return null;
        });
  }

  /** What a bulk operation did: records changed and refused, and the first refusals. */
  public record BulkResult(long succeeded, long failed, List<BulkJournal.BulkError> errors) {}

  /** The live record, or 404. */
  public StoredRecord read(Actor actor, String objectName, UUID id, List<String> expand) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    return reading(
        object,
        connection -> {
          AccessEvaluator evaluator = evaluator(connection, actor, snapshot);
          ObjectAccess access = evaluator.on(object.definition());
          access.require("read");
          lists.checkExpand(object, access, expand);
          Map<String, Object> row =
              RecordStore.find(connection, object, id, false, false, access.read().condition())
                  .orElseThrow(() -> RecordNotFoundException.record(objectName, id));
          Clock readers = lists.readersClock(evaluator);
          Map<String, Object> values = access.strip(Formulas.compute(object, row, readers));
          var expanded =
              Expansions.of(
                  connection, snapshot, evaluator, object, expand, List.of(values), readers);
          return new StoredRecord(
              object.name(), values, RecordView.of(object, values, Optional.empty(), expanded));
        });
  }

  /**
   * Whether record {@code id}, as stored, passes a validation rule's {@code condition} written for
   * the object as {@code edited} defines it — Setup's live test of a rule before it is saved. The
   * condition is typed as the platform types a rule's ({@link Scope#WRITE}) and evaluated as a save
   * that changes nothing would evaluate it; a record the actor may not read is 404.
   *
   * @throws ConditionException when the condition cannot be read or typed, with where
   */
  public boolean passes(Actor actor, ObjectDefinition edited, String condition, UUID id)
      throws ConditionException {
    Typed typed = ConditionChecker.check(condition, edited, Scope.WRITE).typed();
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(edited.name());
    Map<String, Object> values =
        reading(
            object,
            connection -> {
              ObjectAccess access = evaluator(connection, actor, snapshot).on(object.definition());
              access.require("read");
              Map<String, Object> row =
                  RecordStore.find(connection, object, id, false, false, access.read().condition())
                      .orElseThrow(() -> RecordNotFoundException.record(edited.name(), id));
              // the fields the actor may not see are unknown to the test, as to a filter
              return access.strip(Formulas.compute(object, row, clock));
            });
    return ConditionEvaluator.passes(
        typed,
        values,
        Optional.of(values),
        ConditionContext.of(clock, clock.getZone(), Optional.of(actor.id())));
  }

  /**
   * Whether the actor may edit record {@code id}: the edit right on the object, and the record
   * within what they may edit. False for a record they may not read or that is not there.
   */
  public boolean editable(Actor actor, String objectName, UUID id) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    return reading(
        object,
        connection -> {
          ObjectAccess access = evaluator(connection, actor, snapshot).on(object.definition());
          if (!access.rights().edit()) {
            return false;
          }
          return RecordStore.find(connection, object, id, false, false, access.edit().condition())
              .isPresent();
        });
  }

  /**
   * A page of the record's timeline; 404 as for {@link #read} when the reader may not read the
   * record. Holding {@code view-audit} is not needed: reading the record is.
   */
  public TimelinePage timeline(Actor actor, String objectName, UUID id, TimelineQuery query) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    return reading(
        object,
        connection -> {
          AccessEvaluator reader = evaluator(connection, actor, snapshot);
          ObjectAccess access = reader.on(object.definition());
          access.require("read");
          RecordStore.find(connection, object, id, false, false, access.read().condition())
              .orElseThrow(() -> RecordNotFoundException.record(objectName, id));
          boolean seesShares =
              access.share().isAll()
                  || RecordStore.find(
                          connection, object, id, false, false, access.share().condition())
                      .isPresent();
          return RecordTimeline.page(connection, snapshot, reader, object, id, seesShares, query);
        });
  }

  /**
   * Changes the fields present in {@code changes}. With {@code ifMatch}, a record whose version has
   * moved on is a 409 that carries the current record; nothing is written.
   */
  public StoredRecord update(
      WriteContext context, String objectName, UUID id, RecordInput changes, OptionalLong ifMatch) {
    return write(context, objectName, RecordWrites.update(id, changes, ifMatch));
  }

  /**
   * Moves the record to the recycle bin, with the master-detail children (and lookups declared
   * cascade) that hang from it. A record that a restrict lookup still refers to is a 409.
   */
  public void delete(WriteContext context, String objectName, UUID id, OptionalLong ifMatch) {
    write(context, objectName, RecordWrites.delete(id, ifMatch));
  }

  /** Takes the record out of the recycle bin, with what was deleted along with it. */
  public StoredRecord restore(WriteContext context, String objectName, UUID id) {
    return write(context, objectName, RecordWrites.restore(id));
  }

  /** Deletes a record in the recycle bin for good (its children go with it, by foreign key). */
  public void purge(WriteContext context, String objectName, UUID id) {
    write(context, objectName, RecordWrites.purge(id));
  }

  /**
   * Writes of the platform's own work on {@code connection}, in the caller's transaction (a job's):
   * each through the whole pipeline with every right, as an automation's. Once the caller commits,
   * it hands them to {@link #afterCommit(NestedWrites)}.
   */
  public NestedWrites writesOn(Connection connection) {
    return new NestedWrites(writes, objects.current(), connection);
  }

  /** The after-commit hooks of what {@code done} wrote, once its transaction committed. */
  public void afterCommit(NestedWrites done) {
    done.made().forEach(hooks::afterCommit);
  }

  private <T> T write(WriteContext context, String objectName, WritePipeline.Write<T> write) {
    CompiledObjects.Snapshot snapshot = objects.current();
    return writes.run(context, snapshot, snapshot.required(objectName), write);
  }

  /** A page of live records (or of the recycle bin), filtered, sorted and counted. */
  public RecordLists.Page list(
      Actor actor, String objectName, RecordQuery query, boolean recycled) {
    return list(actor, objectName, query, recycled, 0);
  }

  /**
   * A page of live records that starts {@code skip} records after the query's cursor (or its
   * start): for screens that jump to a row. {@code skip} is never negative.
   */
  public RecordLists.Page list(
      Actor actor, String objectName, RecordQuery query, boolean recycled, long skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative: " + skip);
    }
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    return reading(
        object,
        connection ->
            lists.page(
                connection,
                evaluator(connection, actor, snapshot),
                object,
                query,
                recycled,
                Optional.empty(),
                skip));
  }

  /**
   * A page of the children of one record through {@code relation}: {@code child} or {@code
   * child.field} when the child object refers to the parent through more than one field.
   */
  public RecordLists.Page related(
      Actor actor, String objectName, UUID id, String relation, RecordQuery query) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject parent = snapshot.required(objectName);
    CompiledObjects.Reference reference = relation(snapshot, parent, relation);
    CompiledObject child = snapshot.object(reference.object()).orElseThrow();
    return reading(
        child,
        connection -> {
          AccessEvaluator evaluator = evaluator(connection, actor, snapshot);
          if (!evaluator.on(child.definition()).visible(reference.field().name())) {
            // filtering children by a reference the caller cannot see would reveal its values
            throw unknownRelation(relation);
          }
          ObjectAccess parentAccess = evaluator.on(parent.definition());
          parentAccess.require("read");
          RecordStore.find(connection, parent, id, false, false, parentAccess.read().condition())
              .orElseThrow(() -> RecordNotFoundException.record(objectName, id));
          Typed ofParent =
              new Typed.Compare(
                  Typed.Comparison.EQ,
                  new Typed.Column(reference.field(), ValueType.ID),
                  new Typed.Constant(id, ValueType.ID));
          return lists.page(connection, evaluator, child, query, false, Optional.of(ofParent));
        });
  }

  /** Group-by aggregates over the live records that match {@code filter}. */
  public JsonNode aggregate(
      Actor actor,
      String objectName,
      Optional<io.relata.metadata.condition.Expression> filter,
      Optional<String> groupBy,
      String metrics) {
    return aggregate(actor, objectName, filter, groupBy, metrics, Optional.empty());
  }

  /**
   * Group-by aggregates over the live records that match {@code filter} and, with {@code
   * ownerRole}, are owned by users of that role or the roles below it (a forecast per team).
   */
  public JsonNode aggregate(
      Actor actor,
      String objectName,
      Optional<io.relata.metadata.condition.Expression> filter,
      Optional<String> groupBy,
      String metrics,
      Optional<String> ownerRole) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    return reading(
        object,
        connection ->
            lists.aggregate(
                connection,
                evaluator(connection, actor, snapshot),
                object,
                filter,
                groupBy,
                metrics,
                ownerRole,
                snapshot.access()));
  }

  /**
   * Records of any object (or of {@code only}) whose text matches {@code text}, best first: case,
   * accents and word endings ({@code mäki} finds Mäkinen) do not matter.
   */
  public JsonNode search(Actor actor, String text, Optional<List<String>> only, int limit) {
    CompiledObjects.Snapshot snapshot = objects.current();
    try (Connection connection = dataSource.getConnection()) {
      return RecordSearch.search(
          connection, snapshot, evaluator(connection, actor, snapshot), text, only, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("search failed", e);
    }
  }

  /**
   * Imports rows into an object (see {@link ImportSettings} for the modes). Each row passes the
   * same checks as a created record; the journal learns of each committed batch in its transaction.
   */
  public ImportResult importRecords(
      Actor actor,
      String objectName,
      java.util.Iterator<ImportRow> rows,
      ImportSettings settings,
      ImportJournal journal) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    try (Connection connection = dataSource.getConnection()) {
      AccessEvaluator writer = evaluator(connection, actor, snapshot);
      ObjectAccess access = admit(writer, object, settings);
      connection.setAutoCommit(false);
      // the pipeline is closed (its COPYs finished) before the connection is rolled back or freed
      try (CopyPipeline pipeline = CopyPipeline.on(connection)) {
        RecordImport.Outcome outcome =
            new RecordImport(
                    pipeline.connection(),
                    snapshot,
                    object,
                    writer,
                    actor,
                    settings,
                    journal,
                    hooks,
                    clock)
                .run(writable(access, rows));
        return new ImportResult(
            outcome.read(), outcome.written(), outcome.failed(), outcome.errors());
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw SqlFailures.unchecked(e, object);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
  }

  /**
   * Refuses an import before anything is written or recorded of it: an upsert key that is not a
   * unique field (400), a user who may not create records, or may not edit every record when
   * upserting (403). The import itself checks again, on its own connection.
   */
  public void admitImport(Actor actor, String objectName, ImportSettings settings) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    reading(object, connection -> admit(evaluator(connection, actor, snapshot), object, settings));
  }

  private static ObjectAccess admit(
      AccessEvaluator writer, CompiledObject object, ImportSettings settings) {
    settings
        .upsertBy()
        .filter(key -> object.field(key).filter(ImportSettings::upsertKey).isEmpty())
        .ifPresent(
            key -> {
              throw new InvalidRequestException(
                  List.of(new Violation("upsertBy", "import.upsert-key", List.of(key))));
            });
    ObjectAccess access = writer.on(object.definition());
    access.require("create");
    if (settings.upsertBy().isPresent()) {
      access.require("edit");
      if (!ImportSettings.mayUpsert(access)) {
        throw AccessDeniedException.object("modifyAll", object.name());
      }
    }
    return access;
  }

  /** What an import did: rows read, written and refused, and the first refusals. */
  public record ImportResult(long read, long written, long failed, List<RowError> errors) {}

  /**
   * Streams every live record that matches the query to {@code sink}, in the query's order, from a
   * server-side cursor: memory stays flat however many records match. The audit entry of the export
   * is committed once the query is accepted, before the first record is written.
   */
  public void export(Actor actor, String objectName, RecordQuery query, RecordLists.Sink sink) {
    CompiledObjects.Snapshot snapshot = objects.current();
    CompiledObject object = snapshot.required(objectName);
    inTransaction(
        object,
        connection -> {
          AccessEvaluator evaluator = evaluator(connection, actor, snapshot);
          if (!evaluator.holds(SystemPermission.EXPORT)) {
            throw AccessDeniedException.system(SystemPermission.EXPORT.json());
          }
          lists.stream(
              connection,
              evaluator,
              object,
              query,
              new RecordLists.Sink() {
                @Override
                public void start(CompiledObject exported, List<String> fields)
                    throws java.io.IOException {
                  // committed before the first record leaves, so that a client who stops
                  // reading half-way cannot take records out unrecorded
                  try {
                    Transactions.run(
                        dataSource,
                        audit -> {
                          RecordAudit.exported(audit, actor, object, query, fields, Now.of(clock));
                          return null;
                        });
                  } catch (SQLException e) {
                    throw SqlFailures.unchecked(e, object);
                  }
                  sink.start(exported, fields);
                }

                @Override
                public void record(Map<String, Object> values) throws java.io.IOException {
                  sink.record(values);
                }
              });
          return null;
        });
  }

  private static CompiledObjects.Reference relation(
      CompiledObjects.Snapshot snapshot, CompiledObject parent, String relation) {
    String[] parts = relation.split("\\.", 2);
    List<CompiledObjects.Reference> matches =
        snapshot.referencesTo(parent.name()).stream()
            .filter(r -> r.object().equals(parts[0]))
            .filter(r -> parts.length == 1 || r.field().name().equals(parts[1]))
            .toList();
    if (matches.isEmpty()) {
      throw unknownRelation(relation);
    }
    if (matches.size() > 1) {
      throw new InvalidRequestException(
          List.of(new Violation("relation", "query.ambiguous-relation", List.of(relation))));
    }
    return matches.get(0);
  }

  private static InvalidRequestException unknownRelation(String relation) {
    return new InvalidRequestException(
        List.of(new Violation("relation", "query.unknown-relation", List.of(relation))));
  }

  /** The acting user's access, decided on the request's connection and metadata revision. */
  private AccessEvaluator evaluator(
      Connection connection, Actor actor, CompiledObjects.Snapshot snapshot) throws SQLException {
    return snapshot.evaluator(connection, actor, clock);
  }

  private static List<String> names(JsonNode body) {
    List<String> names = new java.util.ArrayList<>();
    if (body != null && body.isObject()) {
      body.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The rows, each refused with 403 when it writes a field the user may not write. */
  private static java.util.Iterator<ImportRow> writable(
      ObjectAccess access, java.util.Iterator<ImportRow> rows) {
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public ImportRow next() {
        ImportRow row = rows.next();
        access.requireWritable(names(row.values()));
        return row;
      }
    };
  }

  /** Work on one connection in one transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Reads on one connection without an explicit transaction: each statement sees its own snapshot,
   * and no COMMIT round trip is added to a read.
   */
  private <T> T reading(CompiledObject object, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
  }

  private <T> T inTransaction(CompiledObject object, Work<T> work) {
    try {
      return Transactions.run(dataSource, work::run);
    } catch (SQLException e) {
      throw SqlFailures.translate(e, object);
    }
  }
}
