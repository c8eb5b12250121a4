package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relata.platform.identity.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports through the write pipeline: upserts change what the file carries, checked as updates. */
class RecordImportIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:15:30Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                object("company"),
                object("deal"),
                json(
                    "{'name':'ticket','label':'Ticket','nameField':'code','fields':["
                        + "{'name':'code','label':'Code','type':'text','unique':true},"
                        + "{'name':'title','label':'Title','type':'text','trackHistory':true},"
                        + "{'name':'ext','label':'External','type':'number','scale':2,'unique':true}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'new','label':'New','probability':0,'category':'open',"
                        + "'next':['open']},"
                        + "{'name':'open','label':'Open','probability':50,'category':'open'},"
                        + "{'name':'closed','label':'Closed','probability':100,'category':'won'}"
                        + "]}}")),
            List.of(),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    records = postgres.service(List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void anUpsertChangesOnlyTheColumnsTheFileCarries() {
    UUID alpha =
        records
            .create(
                postgres.context(admin),
                "company",
                RecordInput.of(
                    Map.of(
                        "name", "Alpha",
                        "reg_no", "UP-1",
                        "country", "fi",
                        "website", "https://alpha.example")))
            .id();

    RecordService.ImportResult result =
        upsert(
            "company",
            "reg_no",
            "{'reg_no':'UP-1','name':'Alpha Oy'}",
            "{'reg_no':'UP-2','name':'Beta'}");

    assertEquals(2, result.written(), result.errors().toString());
    assertEquals("Alpha Oy", postgres.column("company", alpha, "name"));
    assertEquals("https://alpha.example", postgres.column("company", alpha, "website"));
    assertEquals("fi", postgres.column("company", alpha, "country"));
    assertEquals(2L, ((Number) postgres.column("company", alpha, "version")).longValue());
    assertEquals(
        "[\"name\"]",
        postgres.query(
            "SELECT detail->>'fields' FROM relata.audit_entry WHERE record_id = '"
                + alpha
                + "' AND action = 'record.update'"));
  }

  @Test
  void aMatchedRowGetsTheChecksOfAnUpdate() {
    UUID ticket =
        records
            .create(
                postgres.context(admin),
                "ticket",
                RecordInput.of(Map.of("code", "T-1", "title", "Printer")))
            .id();

    RecordService.ImportResult result =
        upsert(
            "ticket",
            "code",
            "{'code':'T-1','stage':'closed'}",
            "{'code':'T-2','title':'New one','stage':'closed'}");

    assertEquals(1, result.written(), "a new ticket may start anywhere");
    assertEquals(
        List.of("1 /stage record.stage-transition"),
        result.errors().stream()
            .map(
                e -> e.row() + " " + e.details().get(0).pointer() + " " + e.details().get(0).code())
            .toList());
    assertEquals("new", postgres.column("ticket", ticket, "stage"));
  }

  @Test
  void anUpsertMatchesItsKeyAsTheDatabaseComparesIt() {
    UUID ticket =
        records
            .create(
                postgres.context(admin),
                "ticket",
                RecordInput.of(
                    Map.of(
                        "code",
                        "T-9",
                        "title",
                        "Before",
                        "ext",
                        new java.math.BigDecimal("42.00"))))
            .id();

    RecordService.ImportResult result = upsert("ticket", "ext", "{'ext':42,'title':'After'}");

    assertEquals(1, result.written(), "42 is the 42.00 stored: " + result.errors());
    assertEquals("After", postgres.column("ticket", ticket, "title"));
  }

  @Test
  void aRowTheDatabaseRefusesIsReportedOnItsRowAndTheRestOfItsBatchesAreWritten() {
    // batches of two: the copy of the second batch fails on a code the first batch wrote, that of
    // the third on a code written twice in it; both are written again row by row
    RecordService.ImportResult result =
        insert(
            new ImportSettings(false, false, Optional.empty(), 0, 2),
            "{'code':'DB-1','title':'One'}",
            "{'code':'DB-2','title':'Two'}",
            "{'code':'DB-1','title':'Again'}",
            "{'code':'DB-3','title':'Three'}",
            "{'code':'DB-4','title':'Four'}",
            "{'code':'DB-4','title':'Four again'}",
            "{'code':'DB-5','title':'Five'}");

    assertEquals(5, result.written(), result.errors().toString());
    assertEquals(
        List.of("3 /code record.duplicate", "6 /code record.duplicate"),
        result.errors().stream()
            .map(
                e -> e.row() + " " + e.details().get(0).pointer() + " " + e.details().get(0).code())
            .toList());
    assertEquals(
        5L,
        postgres.query(
            "SELECT count(*) FROM records.ticket t JOIN relata.audit_entry a"
                + " ON a.record_id = t.id AND a.action = 'record.create'"
                + " WHERE t.code LIKE 'DB-%'"),
        "one audit entry for each record written, none for a refused row");
    assertEquals("Three", postgres.query("SELECT title FROM records.ticket WHERE code = 'DB-3'"));
  }

  @Test
  void anAllOrNothingImportThatTheDatabaseRefusesWritesNothing() {
    RecordService.ImportResult result =
        insert(
            new ImportSettings(true, false, Optional.empty(), 0, 2),
            "{'code':'AN-1','title':'One'}",
            "{'code':'AN-2','title':'Two'}",
            "{'code':'AN-1','title':'Again'}",
            "{'code':'AN-3','title':'Three'}");

    assertEquals(0, result.written());
    assertEquals(1, result.failed(), result.errors().toString());
    assertEquals(3, result.errors().get(0).row());
    assertEquals(0L, postgres.query("SELECT count(*) FROM records.ticket WHERE code LIKE 'AN-%'"));
  }

  @Test
  void aDryRunRecordsAtTheEndHowFarItChecked() {
    List<Long> progress = new java.util.ArrayList<>();
    ImportJournal journal =
        new ImportJournal() {
          @Override
          public void batch(
              java.sql.Connection connection,
              long done,
              long written,
              long failed,
              List<RowError> errors) {}

          @Override
          public void progress(long done, long failed) {
            progress.add(done);
          }
        };
    List<ImportRow> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      rows.add(ImportRow.of(i, json("{'code':'DRY-" + i + "','title':'Dry'}")));
    }

    RecordService.ImportResult result =
        records.importRecords(
            admin,
            "ticket",
            rows.iterator(),
            new ImportSettings(false, true, Optional.empty(), 0, 2),
            journal);

    assertEquals(0, result.written());
    assertEquals(7L, progress.get(progress.size() - 1), "the last figure is the whole file");
    assertEquals(0L, postgres.query("SELECT count(*) FROM records.ticket WHERE code LIKE 'DRY-%'"));
  }

  private static RecordService.ImportResult insert(ImportSettings settings, String... rows) {
    return run("ticket", settings, rows);
  }

  private static RecordService.ImportResult upsert(String object, String key, String... rows) {
    return run(object, new ImportSettings(false, false, Optional.of(key), 0, 100), rows);
  }

  private static RecordService.ImportResult run(
      String object, ImportSettings settings, String... rows) {
    List<ImportRow> imported = new java.util.ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      imported.add(ImportRow.of(i + 1, json(rows[i])));
    }
    return records.importRecords(
        admin, object, imported.iterator(), settings, (connection, done, w, f, errors) -> {});
  }
}
