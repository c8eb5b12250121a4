package io.relata.platform.transfer;

import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.ImportRow;
import io.relata.platform.record.ImportSettings;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.RowError;
import io.relata.platform.rest.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports of records from a file, each row through the write pipeline, as a job whose progress is
 * kept: over the API (the rows read as the request body arrives) and from the import wizard (a file
 * uploaded first, previewed, mapped, then imported in the background while the screen follows its
 * progress). Both are refused alike: 403 without the right to create, 400 for a header the object
 * has no writable field for.
 */
@ApplicationScoped
public class Imports {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Imports.class.getName());

  /** Rows a preview shows. */
  static final int SAMPLE_ROWS = 5;

  @Inject private RecordService records;
  @Inject private ImportJobs jobs;
  @Resource private ManagedExecutorService executor;

  /**
   * How to import.
   *
   * @param allOrNothing one refused row and nothing is written; else refused rows are skipped
   * @param dryRun everything is checked, nothing is kept
   * @param upsertBy a unique field: a row whose value it holds updates that record
   */
  public record Settings(boolean allOrNothing, boolean dryRun, Optional<String> upsertBy) {}

  /** How an import ended. */
  public record Outcome(
      UUID job,
      boolean completed,
      long skipped,
      long read,
      long written,
      long failed,
      List<RowError> errors) {}

  /**
   * What a file holds, as its importer maps it: how it is read, its headers, its first rows, how
   * many rows it has, and the field each header maps to by its name or label ("" for none).
   */
  public record Preview(
      char delimiter,
      java.nio.charset.Charset encoding,
      boolean decimalComma,
      List<String> headers,
      List<List<String>> sample,
      long rows,
      Map<String, String> mapping) {}

  /** An import started in the background: its job, and how it ends. */
  public record Started(UUID job, CompletableFuture<Outcome> outcome) {}

  /**
   * Refuses, before any row is read, whoever may not import into {@code object} so (403), and an
   * upsert key that is no unique field (400).
   */
  public void admit(Actor actor, String object, Settings settings) {
    records.admitImport(actor, object, importSettings(settings, 0));
  }

  /**
   * Imports {@code rows} as job {@code id} (a new job, or one resumed), in the caller's thread. A
   * refusal that needs no row (no right, a wrong upsert key) leaves no job behind.
   */
  public Outcome run(
      Actor actor, String object, Iterator<ImportRow> rows, Settings settings, UUID id) {
    records.admitImport(actor, object, importSettings(settings, 0));
    String mode = settings.allOrNothing() ? "all-or-nothing" : "best-effort";
    ImportJobs.Job started = jobs.start(id, object, actor, mode, settings.dryRun());
    long skipped = settings.allOrNothing() ? 0 : started.done();
    RecordService.ImportResult result;
    try {
      result =
          records.importRecords(
              actor, object, rows, importSettings(settings, skipped), jobs.journal(started));
    } catch (RuntimeException e) {
      // whatever stopped it, the job says so: it is not left running
      try {
        jobs.finish(id, "failed", 0, 0, List.of(), false);
      } catch (RuntimeException marking) {
        e.addSuppressed(marking); // the first failure is the one to tell
      }
      throw e;
    }
    boolean completed = result.failed() == 0 || !settings.allOrNothing();
    jobs.finish(
        id,
        completed ? "completed" : "failed",
        result.written(),
        result.failed(),
        result.errors(),
        settings.allOrNothing() || settings.dryRun());
    return new Outcome(
        id, completed, skipped, result.read(), result.written(), result.failed(), result.errors());
  }

  /**
   * Reads what {@code file} holds for the import wizard: refused (403) without the right to create
   * {@code object}'s records, and (400) when it has no header line.
   */
  public Preview preview(Actor actor, String object, Path file, CsvOptions options)
      throws IOException {
    records.admitImport(
        actor, object, importSettings(new Settings(true, true, Optional.empty()), 0));
    CompiledObject compiled = records.object(object);
    try (InputStream in = Files.newInputStream(file)) {
      CsvSource.Reading reading = CsvSource.read(in, options);
      List<String> headers = reading.parser().getHeaderNames();
      Map<String, String> mapping = new LinkedHashMap<>();
      for (String header : headers) {
        mapping.put(
            header,
            CsvSource.field(compiled, header)
                .filter(name -> CsvSource.writable(compiled, name))
                .orElse(""));
      }
      List<List<String>> sample = new ArrayList<>();
      long rows = 0;
      try {
        for (CSVRecord record : reading.parser()) {
          if (rows++ < SAMPLE_ROWS) {
            sample.add(record.toList());
          }
        }
      } catch (UncheckedIOException | IllegalStateException unreadable) {
        // counted up to where it can be read; the import says which row and why
      }
      CsvSource.Layout layout = reading.layout();
      return new Preview(
          layout.delimiter(),
          layout.encoding(),
          layout.decimalComma(),
          headers,
          sample,
          rows,
          mapping);
    }
  }

  /**
   * The fields of {@code object} a column may be imported into by a user with {@code access}: those
   * an import writes (not computed, not system fields but the stage) that they may edit, by the
   * object's order.
   */
  public List<FieldDefinition> columns(ObjectAccess access, String object) {
    CompiledObject compiled = records.object(object);
    return compiled.definition().fields().stream()
        .filter(f -> CsvSource.writable(compiled, f.name()))
        .filter(f -> access.field(f.name()) == FieldAccess.EDITABLE)
        .toList();
  }

  /**
   * The fields whose value finds the record a row updates, among {@link #columns}: unique, not
   * computed; none for a user who may not upsert ({@link ImportSettings#mayUpsert}).
   */
  public List<FieldDefinition> upsertKeys(ObjectAccess access, String object) {
    if (!ImportSettings.mayUpsert(access)) {
      return List.of();
    }
    return columns(access, object).stream().filter(ImportSettings::upsertKey).toList();
  }

  /**
   * Starts importing {@code file} in the background. What can be refused before the first row is,
   * here and now: the right, the upsert key, the headers and the mapping.
   */
  public Started start(Actor actor, String object, Path file, CsvOptions options, Settings settings)
      throws IOException {
    records.admitImport(actor, object, importSettings(settings, 0));
    // the headers and mapping are checked now, not in the background
    try (InputStream in = Files.newInputStream(file)) {
      CsvSource.open(in, records.object(object), options);
    }
    UUID id = UUID.randomUUID();
    CompletableFuture<Outcome> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(file)) {
                return run(
                    actor,
                    object,
                    CsvSource.open(in, records.object(object), options),
                    settings,
                    id);
              } catch (IOException e) {
                LOG.log(java.util.logging.Level.SEVERE, "import " + id + " could not read", e);
                throw new UncheckedIOException(e);
              } catch (RuntimeException e) {
                if (!(e instanceof ProblemException)) {
                  LOG.log(java.util.logging.Level.SEVERE, "import " + id + " stopped", e);
                }
                throw e;
              }
            },
            executor);
    return new Started(id, outcome);
  }

  /** How far job {@code id} has got, for its owner; empty for anyone else. */
  public Optional<ImportJobs.Progress> progress(Actor actor, UUID id) {
    return jobs.progress(id, actor);
  }

  /**
   * Writes the rows of {@code file} that {@code errors} name, as they were, with a last column
   * saying why each was refused: a file to correct and import again ({@link RefusedRows}).
   */
  public void refusedRows(
      String object,
      Path file,
      CsvOptions options,
      List<RowError> errors,
      java.util.Locale locale,
      java.io.OutputStream out)
      throws IOException {
    RefusedRows.write(records.object(object), file, options, errors, locale, out);
  }

  /** Why a row was refused, in words: {@code field: message; ...}, in {@code locale}. */
  public String why(String object, RowError error, java.util.Locale locale) {
    return RefusedRows.why(records.object(object), error, locale);
  }

  private static ImportSettings importSettings(Settings settings, long skip) {
    return new ImportSettings(
        settings.allOrNothing(),
        settings.dryRun(),
        settings.upsertBy(),
        skip,
        ImportSettings.DEFAULT_BATCH);
  }
}
