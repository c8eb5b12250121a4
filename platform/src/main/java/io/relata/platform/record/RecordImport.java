package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.record.RecordReader;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.database.CopyText;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import java.io.StringReader;
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
import org.postgresql.PGConnection;

/**
 * Writes an import batch by batch through the write pipeline's steps (ARCHITECTURE.md, "The flow of
 * a record"), with the store made for many records: each row is read, coerced, guarded and given to
 * the before-save hooks on its own (a refusal is that row's error); the good rows of a batch are
 * written with one {@code COPY} (new records) and one batch of {@code UPDATE}s (records an upsert
 * matched); then the derive and after-save hooks run on the batch at once (one audit entry per
 * record, in one {@code COPY}; each parent's roll-ups once). If the database or a hook refuses the
 * batch, it is written again row by row behind savepoints, so that each refusal lands on its row.
 * Memory is one batch.
 *
 * <p>An upsert changes only the columns the file carries: a row whose key matches a live record is
 * an update of that record (the update's checks, on the merged record: transitions, rules), any
 * other row a new record.
 */
final class RecordImport {

  /** What an import did. */
  record Outcome(long read, long written, long failed, List<RowError> errors) {}

  static final int MAX_ERRORS = 1_000;

  /** How many keys one matching query binds. */
  private static final int KEYS_PER_QUERY = 1_000;

  /** A row that passed its own checks, waiting to be stored with its batch. */
  private record Pending(long number, RecordChange change, Set<String> written) {}

  private final Connection connection;
  private final CompiledObjects.Snapshot snapshot;
  private final CompiledObject object;
  private final AccessEvaluator writer;
  private final Actor actor;
  private final ImportSettings settings;
  private final ImportJournal journal;
  private final RecordHooks hooks;
  private final Clock clock;
  private final String requestId = UUID.randomUUID().toString();
  private final List<String> columns;
  private final List<RowError> errors = new ArrayList<>();
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
    this.clock = clock;
    this.columns =
        object.columns().stream()
            .map(Column::name)
            .filter(name -> !name.equals("deleted_at"))
            .toList();
  }

  /** Runs the import on {@code connection}, which is not in auto-commit mode. */
  Outcome run(Iterator<ImportRow> rows) throws SQLException {
    long skipped = 0;
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
        batch(batch, skipped, committed);
        batch.clear();
      }
    }
    batch(batch, skipped, committed);
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

  private void batch(List<ImportRow> batch, long skipped, List<RecordChange> committed)
      throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    // one now per batch: what one transaction writes shares one instant
    WriteContext context =
        new WriteContext(
            actor,
            WriteContext.Channel.IMPORT,
            0,
            Now.of(clock),
            writer.subject().zone(),
            java.util.Locale.ENGLISH,
            requestId);
    List<RowError> batchErrors = new ArrayList<>();
    List<Pending> good = checked(batch, context, batchErrors);
    List<Pending> stored = List.of();
    boolean doomed = settings.allOrNothing() && failed + batchErrors.size() > 0;
    if (!doomed) { // an all-or-nothing import with a bad row writes nothing more: it will roll back
      NewRecords.assignAutoNumbers(
          connection,
          object,
          good.stream()
              .filter(p -> p.change().kind() == RecordChange.Kind.CREATE)
              .map(p -> p.change().values())
              .toList());
      stored = store(good, batchErrors);
    }
    read += batch.size();
    written += stored.size();
    failed += batchErrors.size();
    batchErrors.sort(java.util.Comparator.comparingLong(RowError::row));
    for (RowError error : batchErrors) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(error);
      }
    }
    List<RecordChange> changes = stored.stream().map(Pending::change).toList();
    if (!settings.allOrNothing() && !settings.dryRun()) {
      journal.batch(connection, skipped + read, written, failed, batchErrors);
      audit();
      connection.commit();
      afterCommit(changes);
    } else {
      journal.progress(skipped + read, failed);
      if (!settings.dryRun()) {
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
   * Steps 5 to 7 for the batch: stores it and runs the derive and after-save hooks on it; if the
   * database or a hook refuses, again row by row behind savepoints to find the refused rows.
   */
  private List<Pending> store(List<Pending> rows, List<RowError> batchErrors) throws SQLException {
    if (rows.isEmpty()) {
      return rows;
    }
    // the records as they are before the store: a failed attempt leaves them as it stored them
    List<Map<String, Object>> prepared =
        rows.stream()
            .map(p -> (Map<String, Object>) new LinkedHashMap<>(p.change().values()))
            .toList();
    Savepoint whole = connection.setSavepoint();
    try {
      storeAndDerive(rows);
      connection.releaseSavepoint(whole);
      return rows;
    } catch (SQLException | ProblemException refused) {
      connection.rollback(whole);
      for (int i = 0; i < rows.size(); i++) {
        rows.get(i).change().rewind(prepared.get(i));
      }
    }
    List<Pending> stored = new ArrayList<>();
    for (Pending row : rows) {
      Savepoint one = connection.setSavepoint();
      try {
        storeAndDerive(List.of(row));
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

  private void storeAndDerive(List<Pending> rows) throws SQLException {
    List<Pending> created = new ArrayList<>();
    List<Pending> updated = new ArrayList<>();
    for (Pending row : rows) {
      (row.change().kind() == RecordChange.Kind.CREATE ? created : updated).add(row);
    }
    if (!created.isEmpty()) {
      List<Map<String, Object>> inserted = new ArrayList<>(created.size());
      for (Pending row : created) {
        RecordChange change = row.change();
        Map<String, Object> values =
            NewRecords.row(
                object,
                change.values(),
                actor.id(),
                change.context().now(),
                change.context().clock());
        inserted.add(values);
        change.stored(values);
      }
      copy(inserted);
    }
    if (!updated.isEmpty()) {
      update(updated);
    }
    List<RecordChange> changes = rows.stream().map(Pending::change).toList();
    hooks.runAll(RecordHook.Stage.DERIVE, changes);
    hooks.runAll(RecordHook.Stage.AFTER_SAVE, changes);
  }

  private void copy(List<Map<String, Object>> rows) throws SQLException {
    StringBuilder data = new StringBuilder(rows.size() * 128);
    for (Map<String, Object> row : rows) {
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          data.append('\t');
        }
        Object value = row.get(columns.get(c));
        CopyText.append(data, value instanceof JsonNode json ? JsonCodec.text(json) : value);
      }
      data.append('\n');
    }
    String sql =
        "COPY "
            + object.table()
            + " ("
            + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
            + ") FROM STDIN";
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new StringReader(data.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY could not be fed", e);
    }
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

  /** Whether {@code field} can key an upsert: it is unique. */
  static boolean upsertKey(FieldDefinition field) {
    return field.unique() && !field.type().computed();
  }
}
