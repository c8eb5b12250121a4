package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Writes an import batch by batch: each row goes through the same checks as {@code POST} (types,
 * defaults, sanitising, pipeline, rules, live references), then the good rows of a batch are
 * written with one {@code COPY} — or one upsert batch — and, if the database refuses the batch, row
 * by row behind savepoints so that each refusal lands on its row. Memory is one batch.
 */
final class RecordImport {

  /** What an import did. */
  record Outcome(long read, long written, long failed, List<RowError> errors) {}

  static final int MAX_ERRORS = 1_000;

  private final Connection connection;
  private final CompiledObjects.Snapshot snapshot;
  private final CompiledObject object;
  private final AccessEvaluator writer;
  private final Actor actor;
  private long audited;
  private final ImportSettings settings;
  private final ImportJournal journal;
  private final Clock clock;
  private final List<String> columns;
  private final List<RowError> errors = new ArrayList<>();
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
      Clock clock) {
    this.connection = connection;
    this.snapshot = snapshot;
    this.object = object;
    this.writer = writer;
    this.actor = actor;
    this.settings = settings;
    this.journal = journal;
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
    while (rows.hasNext()) {
      ImportRow row = rows.next();
      if (skipped < settings.skip()) {
        skipped++;
        continue;
      }
      batch.add(row);
      if (batch.size() == settings.batchSize()) {
        batch(batch, skipped);
        batch.clear();
      }
    }
    batch(batch, skipped);
    boolean writes = !settings.dryRun() && (!settings.allOrNothing() || failed == 0);
    if (settings.allOrNothing() && writes) {
      journal.batch(connection, skipped + read, written, failed, List.of());
      audit();
      connection.commit();
    } else if (!writes) {
      connection.rollback();
    }
    return new Outcome(read, writes ? written : 0, failed, List.copyOf(errors));
  }

  private void batch(List<ImportRow> batch, long skipped) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    OffsetDateTime now = Now.of(clock);
    List<RowError> batchErrors = new ArrayList<>();
    List<Map<String, Object>> good = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    for (ImportRow row : batch) {
      read++;
      if (row.values() == null) {
        batchErrors.add(new RowError(row.number(), row.problems()));
        continue;
      }
      try {
        good.add(
            NewRecords.row(
                object, NewRecords.read(object, row.values(), clock), actor.id(), now, clock));
        numbers.add(row.number());
      } catch (ProblemException refused) {
        batchErrors.add(new RowError(row.number(), details(refused.violations())));
      }
    }
    Map<Map<String, Object>, List<Violation>> dead =
        NewRecords.deadReferences(connection, snapshot, writer, object, good);
    List<Map<String, Object>> writable = new ArrayList<>();
    List<Long> writableNumbers = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      List<Violation> violations = dead.get(good.get(i));
      if (violations == null) {
        writable.add(good.get(i));
        writableNumbers.add(numbers.get(i));
      } else {
        batchErrors.add(new RowError(numbers.get(i), details(violations)));
      }
    }
    List<Map<String, Object>> stored = List.of();
    boolean doomed = settings.allOrNothing() && failed + batchErrors.size() > 0;
    if (!doomed) { // an all-or-nothing import with a bad row writes nothing more: it will roll back
      NewRecords.assignAutoNumbers(connection, object, writable);
      stored = write(writable, writableNumbers, batchErrors);
    }
    RollUps.refreshAll(connection, snapshot, object.name(), stored);
    written += stored.size();
    failed += batchErrors.size();
    batchErrors.sort(java.util.Comparator.comparingLong(RowError::row));
    for (RowError error : batchErrors) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(error);
      }
    }
    if (!settings.allOrNothing() && !settings.dryRun()) {
      journal.batch(connection, skipped + read, written, failed, batchErrors);
      audit();
      connection.commit();
    } else {
      journal.progress(skipped + read, failed);
    }
  }

  /** The audit entry of the transaction about to commit: the records it wrote. */
  private void audit() throws SQLException {
    RecordAudit.imported(connection, actor, object, written - audited, Now.of(clock));
    audited = written;
  }

  /** Writes the rows in one statement; if refused, row by row to find the refused ones. */
  private List<Map<String, Object>> write(
      List<Map<String, Object>> rows, List<Long> numbers, List<RowError> batchErrors)
      throws SQLException {
    if (rows.isEmpty()) {
      return rows;
    }
    Savepoint whole = connection.setSavepoint();
    try {
      if (settings.upsertBy().isPresent()) {
        upsert(rows);
      } else {
        copy(rows);
      }
      connection.releaseSavepoint(whole);
      return rows;
    } catch (SQLException refused) {
      connection.rollback(whole);
    }
    List<Map<String, Object>> stored = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Savepoint one = connection.setSavepoint();
      try {
        if (settings.upsertBy().isPresent()) {
          upsert(List.of(rows.get(i)));
        } else {
          copy(List.of(rows.get(i)));
        }
        connection.releaseSavepoint(one);
        stored.add(rows.get(i));
      } catch (SQLException refused) {
        connection.rollback(one);
        RuntimeException problem = SqlFailures.translate(refused, object);
        if (!(problem instanceof ProblemException known)) {
          throw refused;
        }
        List<RowError.Detail> details = details(known.violations());
        batchErrors.add(
            new RowError(
                numbers.get(i),
                details.isEmpty()
                    ? List.of(new RowError.Detail("", "import.refused", List.of()))
                    : details));
      }
    }
    return stored;
  }

  private void copy(List<Map<String, Object>> rows) throws SQLException {
    StringBuilder data = new StringBuilder(rows.size() * 128);
    for (Map<String, Object> row : rows) {
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          data.append('\t');
        }
        CopyText.append(data, row.get(columns.get(c)));
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
   * {@code INSERT ... ON CONFLICT (key) DO UPDATE}: a row whose key matches a live record changes
   * it (its id, owner, creation and auto-numbers stay); a key held by a record in the recycle bin
   * is refused.
   */
  private void upsert(List<Map<String, Object>> rows) throws SQLException {
    String key = settings.upsertBy().orElseThrow();
    List<String> kept = List.of("id", "owner_id", "created_at", "created_by", "version", key);
    List<String> set =
        columns.stream()
            .filter(c -> !kept.contains(c))
            .filter(
                c ->
                    object
                        .field(c)
                        .map(f -> f.type().kind() != FieldKind.AUTO_NUMBER && !f.type().computed())
                        .orElse(true))
            .toList();
    String sql =
        "INSERT INTO "
            + object.table()
            + " AS \"current\" ("
            + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
            + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ") ON CONFLICT ("
            + quote(key)
            + ") DO UPDATE SET "
            + set.stream()
                .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", "))
            + ", \"version\" = \"current\".\"version\" + 1 WHERE \"current\".\"deleted_at\" IS NULL";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Map<String, Object> row : rows) {
        for (int c = 0; c < columns.size(); c++) {
          ColumnValues.bind(connection, statement, c + 1, row.get(columns.get(c)));
        }
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      for (int count : counts) {
        if (count == 0) {
          throw new SQLException("the key belongs to a record in the recycle bin", "23505");
        }
      }
    }
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
