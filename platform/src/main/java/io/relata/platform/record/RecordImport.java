package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.record.RecordReader;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.database.CopyPipeline;
import io.relata.platform.database.CopyText;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes an import batch by batch through the write pipeline's steps (ARCHITECTURE.md, "The flow of
 * a record"), with the store made for many records: each row is read, coerced, guarded and given to
 * the before-save hooks on its own (a refusal is that row's error); the good rows of a batch are
 * written with one {@code COPY} (new records) and one batch of {@code UPDATE}s (records an upsert
 * matched); then the derive and after-save hooks run on the batch at once (one audit entry per
 * record, in one {@code COPY}; each parent's roll-ups once). If the database or a hook refuses the
 * batch, it is written again row by row behind savepoints, so that each refusal lands on its row.
 * Memory is one batch (and, when after-commit hooks are registered, the changes an all-or-nothing
 * import has to give them after its commit).
 *
 * <p>On a {@link io.relata.platform.database.CopyPipeline pipelined connection} a batch's {@code
 * COPY}s run while this goes on: the records' while their audit entries are prepared, the entries'
 * while the next rows are read and checked. A batch is settled (its savepoint released, or on a
 * failure the batch written again row by row) before anything of the next one is stored, and before
 * checks that query the database (an upsert's matching, references, before-save hooks).
 *
 * <p>An upsert changes only the columns the file carries: a row whose key matches a live record is
 * an update of that record (the update's checks, on the merged record: transitions, rules), any
 * other row a new record.
 */
final class RecordImport {

  /** What an import did. */
  record Outcome(long read, long written, long failed, List<RowError> errors) {}

  static final int MAX_ERRORS = 1_000;

  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  /** How many keys one matching query binds. */
  private static final int KEYS_PER_QUERY = 1_000;

  /** A row that passed its own checks, waiting to be stored with its batch. */
  private record Pending(long number, RecordChange change, Set<String> written) {}

  /**
   * Rows made ready to store.
   *
   * @param before each row's values before the store, to write them again from if it fails
   * @param copy the new records' {@code COPY} text; null when there are none
   */
  private record Staged(List<Map<String, Object>> before, StringBuilder copy) {}

  /**
   * A batch stored but not settled: its last {@code COPY}s may still be running.
   *
   * @param rows the rows stored
   * @param before their values before the store, to write them again from if it failed
   * @param whole the savepoint before the batch; null when the batch is settled already
   * @param errors the batch's refused rows so far
   * @param size how many rows the batch read
   */
  private record Unsettled(
      List<Pending> rows,
      List<Map<String, Object>> before,
      Savepoint whole,
      List<RowError> errors,
      int size) {}

  private final Connection connection;
  private final CompiledObjects.Snapshot snapshot;
  private final CompiledObject object;
  private final AccessEvaluator writer;
  private final Actor actor;
  private final ImportSettings settings;
  private final ImportJournal journal;
  private final RecordHooks hooks;

  /** Runs what after-save hooks write for a row, whole, on the import's connection. */
  private final WritePipeline nested;

  private final Clock clock;
  private final String requestId = UUID.randomUUID().toString();
  private final List<String> columns;
  private final List<RowError> errors = new ArrayList<>();

  /** Whether checking a row queries the database: then the batch before is settled first. */
  private final boolean checksQuery;

  /** Whether the object has auto-numbers, which new records get from the database. */
  private final boolean numbered;

  /** Whether the changes of an all-or-nothing import are kept for after-commit hooks. */
  private final boolean keepsChanges;

  private Unsettled unsettled;
  private long lastProgress = System.nanoTime() - PROGRESS_EVERY_NANOS;
  private long skipped;
  private long audited;
  private long read;
  private long written;
  private long failed;

  RecordImport(
      Connection connection,
      CompiledObjects.Snapshot snapshot,
      CompiledObject object,
      AccessEvaluator writer,
      Actor actor,
      ImportSettings settings,
      ImportJournal journal,
      RecordHooks hooks,
      Clock clock) {
    this.connection = connection;
    this.snapshot = snapshot;
    this.object = object;
    this.writer = writer;
    this.actor = actor;
    this.settings = settings;
    this.journal = journal;
    this.hooks = hooks;
    this.nested = new WritePipeline(null, hooks);
    this.clock = clock;
    this.columns =
        object.columns().stream()
            .map(Column::name)
            .filter(name -> !name.equals("deleted_at"))
            .toList();
    this.checksQuery =
        settings.upsertBy().isPresent()
            || !hooks.of(RecordHook.Stage.BEFORE_SAVE).isEmpty()
            || NewRecords.hasReferences(object);
    this.keepsChanges = !hooks.of(RecordHook.Stage.AFTER_COMMIT).isEmpty();
    this.numbered =
        object.definition().fields().stream()
            .anyMatch(f -> f.type() instanceof FieldType.AutoNumber);
  }

  /** Runs the import on {@code connection}, which is not in auto-commit mode. */
  Outcome run(Iterator<ImportRow> rows) throws SQLException {
    List<ImportRow> batch = new ArrayList<>(settings.batchSize());
    List<RecordChange> committed = new ArrayList<>();
    while (rows.hasNext()) {
      ImportRow row = rows.next();
      if (skipped < settings.skip()) {
        skipped++;
        continue;
      }
      batch.add(row);
      if (batch.size() == settings.batchSize()) {
        batch(batch, committed);
        batch = new ArrayList<>(settings.batchSize());
      }
    }
    batch(batch, committed);
    settle(committed);
    if (settings.allOrNothing() || settings.dryRun()) {
      progress(true);
    }
    boolean writes = !settings.dryRun() && (!settings.allOrNothing() || failed == 0);
    if (settings.allOrNothing() && writes) {
      journal.batch(connection, skipped + read, written, failed, List.of());
      audit();
      connection.commit();
      afterCommit(committed);
    } else if (!writes) {
      connection.rollback();
    }
    return new Outcome(read, writes ? written : 0, failed, List.copyOf(errors));
  }

  private void batch(List<ImportRow> batch, List<RecordChange> committed) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    // one now per batch: what one transaction writes shares one instant
    WriteContext context =
        new WriteContext(
            actor,
            WriteContext.Channel.IMPORT,
            List.of(),
            Now.of(clock),
            writer.subject().zone(),
            java.util.Locale.ENGLISH,
            requestId);
    if (checksQuery) {
      settle(committed);
    }
    List<RowError> batchErrors = new ArrayList<>();
    List<Pending> good = checked(batch, context, batchErrors);
    // auto-numbers come from the database, and a staged record carries its own
    Staged staged = numbered ? null : stage(good);
    settle(committed);
    // an all-or-nothing import with a bad row writes nothing more: it will roll back
    if (settings.allOrNothing() && failed + batchErrors.size() > 0) {
      account(new Unsettled(List.of(), List.of(), null, batchErrors, batch.size()), committed);
      return;
    }
    if (numbered) {
      NewRecords.assignAutoNumbers(
          connection,
          object,
          good.stream()
              .filter(p -> p.change().kind() == RecordChange.Kind.CREATE)
              .map(p -> p.change().values())
              .toList());
      staged = stage(good);
    }
    unsettled = store(good, staged, batchErrors, batch.size());
  }

  /**
   * Settles the batch stored last: once its {@code COPY}s have succeeded its savepoint is released;
   * if one failed, the batch is written again row by row. Then it is counted, and committed when
   * the import commits batch by batch.
   */
  private void settle(List<RecordChange> committed) throws SQLException {
    if (unsettled == null) {
      return;
    }
    Unsettled batch = unsettled;
    unsettled = null;
    if (batch.whole() == null) {
      account(batch, committed);
      return;
    }
    List<Pending> stored;
    try {
      connection.releaseSavepoint(batch.whole());
      stored = batch.rows();
    } catch (SQLException refused) {
      stored = again(batch.rows(), batch.before(), batch.whole(), batch.errors());
    }
    account(new Unsettled(stored, List.of(), null, batch.errors(), batch.size()), committed);
  }

  /**
   * Records how far an import that commits at its end has checked: a commit of its own each time,
   * so at most once a second, and once more at the end.
   */
  private void progress(boolean last) {
    if (last || System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
      journal.progress(skipped + read, failed);
      lastProgress = System.nanoTime();
    }
  }

  private void account(Unsettled batch, List<RecordChange> committed) throws SQLException {
    List<RowError> batchErrors = batch.errors();
    read += batch.size();
    written += batch.rows().size();
    failed += batchErrors.size();
    batchErrors.sort(java.util.Comparator.comparingLong(RowError::row));
    for (RowError error : batchErrors) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(error);
      }
    }
    List<RecordChange> changes = batch.rows().stream().map(Pending::change).toList();
    if (!settings.allOrNothing() && !settings.dryRun()) {
      journal.batch(connection, skipped + read, written, failed, batchErrors);
      audit();
      connection.commit();
      afterCommit(changes);
    } else {
      progress(false);
      if (!settings.dryRun() && keepsChanges) {
        committed.addAll(changes);
      }
    }
  }

  /**
   * Steps 2 to 4 of the pipeline for each row on its own: read and coerce, guard, before-save
   * hooks; then the batch's references, checked against the writer's access. A refused row is an
   * error of its own; the others are answered.
   */
  private List<Pending> checked(
      List<ImportRow> batch, WriteContext context, List<RowError> batchErrors) throws SQLException {
    Map<Object, Map<String, Object>> matched = matched(batch, batchErrors);
    List<Pending> good = new ArrayList<>();
    for (ImportRow row : batch) {
      if (row.values() == null) {
        batchErrors.add(new RowError(row.number(), row.problems()));
        continue;
      }
      // a before-save hook may write; a row it refuses must leave nothing behind
      Savepoint one =
          hooks.of(RecordHook.Stage.BEFORE_SAVE).isEmpty() ? null : connection.setSavepoint();
      try {
        good.add(pending(row, context, matched));
        if (one != null) {
          connection.releaseSavepoint(one);
        }
      } catch (ProblemException refused) {
        if (one != null) {
          connection.rollback(one);
        }
        batchErrors.add(new RowError(row.number(), details(refused.violations())));
      }
    }
    // one map per row, looked up by identity: the same maps go in and are asked after
    List<Map<String, Object>> checkedRows = good.stream().map(p -> referencesOf(p)).toList();
    Map<Map<String, Object>, List<Violation>> dead =
        NewRecords.deadReferences(connection, snapshot, writer, object, checkedRows);
    List<Pending> live = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      List<Violation> violations = dead.get(checkedRows.get(i));
      if (violations == null) {
        live.add(good.get(i));
      } else {
        batchErrors.add(new RowError(good.get(i).number(), details(violations)));
      }
    }
    return live;
  }

  /**
   * The values of a row that its references are checked on: all of a new record's, only the changed
   * ones of an update (an unchanged reference was checked when it was written).
   */
  private static Map<String, Object> referencesOf(Pending pending) {
    Map<String, Object> values = pending.change().values();
    if (pending.change().kind() == RecordChange.Kind.CREATE) {
      return values;
    }
    Map<String, Object> changed = new LinkedHashMap<>();
    pending.change().changed().forEach(name -> changed.put(name, values.get(name)));
    return changed;
  }

  private Pending pending(
      ImportRow row, WriteContext context, Map<Object, Map<String, Object>> matched)
      throws SQLException {
    ObjectNode json = NewRecords.requireObject(row.values());
    NewRecords.refuseReadOnly(json.fieldNames());
    Optional<Map<String, Object>> before =
        settings
            .upsertBy()
            .map(key -> matched.get(comparable(keyOf(json, key))))
            .filter(m -> m != null);
    Map<String, Object> values;
    Set<String> written = new LinkedHashSet<>();
    json.fieldNames().forEachRemaining(written::add);
    if (before.isPresent()) {
      RecordReader.Result changes = RecordReader.readChanges(object.definition(), json);
      NewRecords.invalidIf(changes.problems());
      values = new LinkedHashMap<>(before.get());
      values.putAll(NewRecords.sanitised(object, changes.values()));
    } else {
      values = NewRecords.values(object, json);
    }
    WritePipeline.guard(context, object, before.orElse(null), values);
    RecordChange change =
        new RecordChange(
            before.isPresent() ? RecordChange.Kind.UPDATE : RecordChange.Kind.CREATE,
            context,
            snapshot,
            object,
            before.orElse(null),
            values,
            connection);
    change.writesThrough(nested);
    hooks.run(RecordHook.Stage.BEFORE_SAVE, change);
    if (before.isPresent()) {
      written.addAll(change.changed());
    }
    return new Pending(row.number(), change, written);
  }

  /**
   * For an upsert, the live records whose key one of the rows names, locked, by key value; rows
   * whose key cannot be read are left to their own checks.
   */
  private Map<Object, Map<String, Object>> matched(
      List<ImportRow> batch, List<RowError> batchErrors) throws SQLException {
    if (settings.upsertBy().isEmpty()) {
      return Map.of();
    }
    String key = settings.upsertBy().get();
    List<Object> keys = new ArrayList<>();
    for (ImportRow row : batch) {
      if (row.values() != null && row.values().isObject()) {
        Object value = keyOf((ObjectNode) row.values(), key);
        if (value != null) {
          keys.add(value);
        }
      }
    }
    Map<Object, Map<String, Object>> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
      String sql =
          "SELECT "
              + object.selectList()
              + " FROM "
              + object.table()
              + " WHERE "
              + quote(key)
              + " IN ("
              + chunk.stream().map(k -> "?").collect(Collectors.joining(", "))
              + ") AND \"deleted_at\" IS NULL ORDER BY \"id\" FOR UPDATE";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ColumnValues.bind(connection, statement, i + 1, chunk.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Map<String, Object> record = RecordStore.row(rows, object);
            found.put(comparable(record.get(key)), record);
          }
        }
      }
    }
    return found;
  }

  /**
   * A key value as the database compares it: {@code 42} and {@code 42.00} are one number, one
   * instant in two offsets one time.
   */
  private static Object comparable(Object key) {
    if (key instanceof java.math.BigDecimal number) {
      return number.signum() == 0 ? java.math.BigDecimal.ZERO : number.stripTrailingZeros();
    }
    if (key instanceof java.time.OffsetDateTime instant) {
      return instant.toInstant();
    }
    return key;
  }

  /** The typed key of a row, or null when it has none that reads. */
  private Object keyOf(ObjectNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null) {
      return null;
    }
    ObjectNode only = JsonCodec.object();
    only.set(key, value);
    RecordReader.Result read = RecordReader.readChanges(object.definition(), only);
    return read.problems().isEmpty() ? read.values().get(key) : null;
  }

  /** The audit entry of the transaction about to commit: how many records the import wrote. */
  private void audit() throws SQLException {
    RecordAudit.imported(connection, actor, object, written - audited, Now.of(clock));
    audited = written;
  }

  private void afterCommit(List<RecordChange> changes) {
    for (RecordChange change : changes) {
      hooks.afterCommit(change);
    }
  }

  /**
   * Steps 5 to 7 for the batch: stores it and runs the derive and after-save hooks on it, leaving
   * it to be settled; if the database or a hook refuses, again row by row behind savepoints to find
   * the refused rows.
   */
  private Unsettled store(List<Pending> rows, Staged staged, List<RowError> batchErrors, int size)
      throws SQLException {
    if (rows.isEmpty()) {
      return new Unsettled(rows, List.of(), null, batchErrors, size);
    }
    Savepoint whole = connection.setSavepoint();
    try {
      storeAndDerive(rows, staged);
      return new Unsettled(rows, staged.before(), whole, batchErrors, size);
    } catch (SQLException | ProblemException refused) {
      List<Pending> stored = again(rows, staged.before(), whole, batchErrors);
      return new Unsettled(stored, List.of(), null, batchErrors, size);
    }
  }

  /**
   * Makes rows ready to store without the database: each new record gets its id and bookkeeping
   * columns and its line of {@code COPY} text. Done while the batch before is still being written.
   */
  private Staged stage(List<Pending> rows) {
    // the records as they are before the store: a failed attempt leaves them as it stored them
    List<Map<String, Object>> before = new ArrayList<>(rows.size());
    StringBuilder copy = null;
    for (Pending row : rows) {
      RecordChange change = row.change();
      before.add(new LinkedHashMap<>(change.values()));
      if (change.kind() == RecordChange.Kind.CREATE) {
        Map<String, Object> values =
            NewRecords.row(
                object,
                change.values(),
                actor.id(),
                change.context().now(),
                change.context().clock());
        change.stored(values);
        if (copy == null) {
          copy = new StringBuilder(rows.size() * 128);
        }
        appendLine(copy, values);
      }
    }
    return new Staged(before, copy);
  }

  /**
   * Rolls a refused batch back to {@code whole} and writes it again row by row, each behind a
   * savepoint of its own; the rows stored. A refused row's problems go to {@code batchErrors}.
   */
  private List<Pending> again(
      List<Pending> rows,
      List<Map<String, Object>> before,
      Savepoint whole,
      List<RowError> batchErrors)
      throws SQLException {
    connection.rollback(whole);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).change().rewind(before.get(i));
    }
    List<Pending> stored = new ArrayList<>();
    for (Pending row : rows) {
      Savepoint one = connection.setSavepoint();
      try {
        storeAndDerive(List.of(row), stage(List.of(row)));
        connection.releaseSavepoint(one);
        stored.add(row);
      } catch (SQLException | ProblemException refused) {
        connection.rollback(one);
        ProblemException known = SqlFailures.refusal(refused, object);
        List<RowError.Detail> details = details(known.violations());
        batchErrors.add(
            new RowError(
                row.number(),
                details.isEmpty()
                    ? List.of(new RowError.Detail("", "import.refused", List.of()))
                    : details));
      }
    }
    return stored;
  }

  private void storeAndDerive(List<Pending> rows, Staged staged) throws SQLException {
    if (staged.copy() != null) {
      CopyPipeline.copyIn(
          connection,
          object.table()
              + " ("
              + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
              + ")",
          staged.copy());
    }
    List<Pending> updated =
        rows.stream().filter(p -> p.change().kind() == RecordChange.Kind.UPDATE).toList();
    if (!updated.isEmpty()) {
      update(updated);
    }
    List<RecordChange> changes = rows.stream().map(Pending::change).toList();
    hooks.runAll(RecordHook.Stage.DERIVE, changes);
    hooks.runAll(RecordHook.Stage.AFTER_SAVE, changes);
  }

  /** Appends a new record's line of {@code COPY} text. */
  private void appendLine(StringBuilder copy, Map<String, Object> row) {
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        copy.append('\t');
      }
      Object value = row.get(columns.get(c));
      CopyText.append(copy, value instanceof JsonNode json ? JsonCodec.text(json) : value);
    }
    copy.append('\n');
  }

  /**
   * The records an upsert matched: only the columns the row carries (and those its before-save
   * hooks changed) are set, in one batch per set of columns.
   */
  private void update(List<Pending> rows) throws SQLException {
    Map<List<String>, List<Pending>> bySet = new LinkedHashMap<>();
    for (Pending row : rows) {
      List<String> set =
          row.written().stream()
              .filter(name -> object.field(name).isPresent() || isColumn(name))
              .toList();
      bySet.computeIfAbsent(set, s -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<List<String>, List<Pending>> group : bySet.entrySet()) {
      List<String> set = group.getKey();
      String sql =
          "UPDATE "
              + object.table()
              + " SET "
              + set.stream().map(c -> quote(c) + " = ?, ").collect(Collectors.joining())
              + "\"updated_at\" = ?, \"updated_by\" = ?, \"version\" = \"version\" + 1"
              + " WHERE \"id\" = ?";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (Pending row : group.getValue()) {
          RecordChange change = row.change();
          Map<String, Object> values = change.values();
          int i = 1;
          for (String column : set) {
            ColumnValues.bind(connection, statement, i++, values.get(column));
          }
          ColumnValues.bind(connection, statement, i++, change.context().now());
          ColumnValues.bind(connection, statement, i++, actor.id());
          statement.setObject(i, values.get("id"));
          statement.addBatch();
          Map<String, Object> stored = new LinkedHashMap<>(values);
          stored.put("updated_at", change.context().now());
          stored.put("updated_by", actor.id());
          stored.put("version", ((Number) values.get("version")).longValue() + 1);
          change.stored(stored);
        }
        statement.executeBatch();
      }
    }
  }

  private boolean isColumn(String name) {
    return object.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  private static List<RowError.Detail> details(List<Violation> violations) {
    return violations.stream()
        .map(v -> new RowError.Detail(v.pointer(), v.code(), v.args()))
        .toList();
  }
}
