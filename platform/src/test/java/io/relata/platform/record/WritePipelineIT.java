package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The record write pipeline on a real PostgreSQL, without a container: {@link RecordService} built
 * by its constructor, with the platform's own hooks (roll-ups, audit) and test hooks beside them.
 */
class WritePipelineIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:15:30Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static Actor admin;
  private static Actor seller;
  private static Actor reader;

  /** What the test hooks saw, in order: {@code stage hook kind}. */
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** When a test hook refuses: at its stage, for records this matches. */
  private volatile Predicate<RecordChange> refuseWhen = change -> false;

  private RecordService records;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(object("company"), object("deal")),
            List.of(
                json(
                    "{'name':'seller','label':'Seller','objects':{'deal':"
                        + "{'create':true,'read':true,'edit':true,'delete':true}}}"),
                json("{'name':'reader','label':'Reader','objects':{'deal':{'read':true}}}")),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    seller = postgres.user("seller", "seller");
    reader = postgres.user("reader", "reader");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void buildService() {
    List<RecordHook> hooks = new ArrayList<>();
    for (RecordHook.Stage stage : RecordHook.Stage.values()) {
      hooks.add(recording("second-" + stage, stage, 20));
      hooks.add(recording("first-" + stage, stage, 10));
    }
    hooks.add(recording("third-" + RecordHook.Stage.BEFORE_SAVE, RecordHook.Stage.BEFORE_SAVE, 30));
    // last of all in the transaction, after the roll-ups and the audit entry were written
    hooks.add(refusing("zz-refuse", RecordHook.Stage.AFTER_SAVE, Integer.MAX_VALUE));
    records = postgres.service(hooks);
  }

  @Test
  void hooksRunByStageThenOrderAroundTheStore() {
    UUID company = company("Hooks Oy");
    calls.clear();

    records.create(context(admin), "deal", deal(company, "In order", "100.00"));

    assertEquals(
        List.of(
            "BEFORE_SAVE first-BEFORE_SAVE CREATE",
            "BEFORE_SAVE second-BEFORE_SAVE CREATE",
            "BEFORE_SAVE third-BEFORE_SAVE CREATE",
            "DERIVE first-DERIVE CREATE stored",
            "DERIVE second-DERIVE CREATE stored",
            "AFTER_SAVE first-AFTER_SAVE CREATE stored",
            "AFTER_SAVE second-AFTER_SAVE CREATE stored",
            "AFTER_COMMIT first-AFTER_COMMIT CREATE stored no-transaction",
            "AFTER_COMMIT second-AFTER_COMMIT CREATE stored no-transaction"),
        calls);
  }

  @Test
  void everyWriteKindRunsTheSameStages() {
    UUID company = company("Kinds Oy");
    StoredRecord deal = records.create(context(admin), "deal", deal(company, "Kinds", "1.00"));
    for (RecordChange.Kind kind :
        List.of(RecordChange.Kind.UPDATE, RecordChange.Kind.DELETE, RecordChange.Kind.RESTORE)) {
      calls.clear();
      switch (kind) {
        case UPDATE ->
            records.update(
                context(admin),
                "deal",
                deal.id(),
                RecordInput.of(Map.of("title", "Kinds 2")),
                OptionalLong.empty());
        case DELETE -> records.delete(context(admin), "deal", deal.id(), OptionalLong.empty());
        default -> records.restore(context(admin), "deal", deal.id());
      }
      assertEquals(9, calls.size(), kind + ": " + calls);
      assertTrue(calls.stream().allMatch(c -> c.contains(" " + kind)), calls.toString());
    }
    records.delete(context(admin), "deal", deal.id(), OptionalLong.empty());
    calls.clear();
    records.purge(context(admin), "deal", deal.id());
    assertEquals(9, calls.size(), calls.toString());
  }

  @Test
  void aBeforeSaveHookChangesWhatIsStored() {
    UUID company = company("Changed Oy");
    records =
        service(
            new Hook("upper-case", RecordHook.Stage.BEFORE_SAVE, 10) {
              @Override
              public void run(RecordChange change) {
                change.set("title", ((String) change.after().get("title")).toUpperCase());
              }
            });

    StoredRecord stored = records.create(context(admin), "deal", deal(company, "quiet", "1.00"));

    assertEquals("QUIET", stored.values().get("title"));
    assertEquals("QUIET", column("deal", stored.id(), "title"));
  }

  @Test
  void aRefusingHookRollsBackTheWriteItsAuditEntryAndTheRollUp() throws Exception {
    UUID company = company("Refused Oy");
    StoredRecord kept = records.create(context(admin), "deal", deal(company, "Kept", "10.00"));
    long audited = auditEntries();
    refuseWhen = change -> "Refuse me".equals(change.after().get("title"));

    InvalidRequestException created =
        assertThrows(
            InvalidRequestException.class,
            () -> records.create(context(admin), "deal", deal(company, "Refuse me", "5.00")));
    InvalidRequestException updated =
        assertThrows(
            InvalidRequestException.class,
            () ->
                records.update(
                    context(admin),
                    "deal",
                    kept.id(),
                    RecordInput.of(Map.of("title", "Refuse me", "amount", new BigDecimal("7"))),
                    OptionalLong.empty()));

    for (ProblemException refused : List.of(created, updated)) {
      assertEquals("/title", refused.violations().get(0).pointer());
      assertEquals("test.refused", refused.violations().get(0).code());
    }
    assertEquals(audited, auditEntries(), "no audit entry of a refused write");
    assertEquals(1L, count("deal", "company = '" + company + "'"));
    assertEquals("Kept", column("deal", kept.id(), "title"));
    assertDecimal("1", column("company", company, "deal_count"));
    assertDecimal("10.00", column("company", company, "deal_total"));
    assertFalse(calls.stream().anyMatch(c -> c.startsWith("AFTER_COMMIT") && c.contains("UPDATE")));
  }

  @Test
  void anImportRunsTheSameHooksAndTheirRefusalIsItsRowsError() throws Exception {
    UUID company = company("Imported Oy");
    long audited = auditEntries();
    refuseWhen = change -> "Refuse me".equals(change.after().get("title"));
    calls.clear();

    RecordService.ImportResult result =
        records.importRecords(
            admin,
            "deal",
            List.of(
                    ImportRow.of(1, json(importedDeal(company, "Imported 1", "10"))),
                    ImportRow.of(2, json(importedDeal(company, "Refuse me", "20"))),
                    ImportRow.of(3, json(importedDeal(company, "Imported 3", "30"))))
                .iterator(),
            new ImportSettings(false, false, java.util.Optional.empty(), 0, 100),
            (connection, done, written, failed, errors) -> {});

    assertEquals(2, result.written());
    assertEquals(
        List.of("2 /title test.refused"),
        result.errors().stream()
            .map(
                e -> e.row() + " " + e.details().get(0).pointer() + " " + e.details().get(0).code())
            .toList());
    assertEquals(2L, count("deal", "company = '" + company + "'"));
    assertDecimal("2", column("company", company, "deal_count"));
    assertDecimal("40", column("company", company, "deal_total"));
    assertEquals(
        2L,
        ((Number)
                postgres.query(
                    "SELECT count(*) FROM relata.audit_entry WHERE action = 'record.create'"
                        + " AND object = 'deal' AND id > "
                        + audited))
            .longValue(),
        "an entry for each imported record, none for the refused one");
    assertTrue(calls.contains("BEFORE_SAVE first-BEFORE_SAVE CREATE"), calls.toString());
    assertEquals(
        2L,
        calls.stream().filter(c -> c.startsWith("AFTER_COMMIT first-AFTER_COMMIT CREATE")).count(),
        calls.toString());
  }

  @Test
  void aBulkUpdateRunsEachRecordThroughThePipelineAndReportsTheRefusedOne() throws Exception {
    UUID company = company("Bulk Oy");
    List<UUID> deals = new ArrayList<>();
    for (String title : List.of("Bulk 1", "Refuse me", "Bulk 3")) {
      deals.add(records.create(context(admin), "deal", deal(company, title, "10.00")).id());
    }
    refuseWhen = change -> "Refuse me".equals(change.after().get("title"));
    List<Long> chunks = new ArrayList<>();

    RecordService.BulkResult result =
        records.bulk(
            context(admin),
            "deal",
            new BulkRequest(
                BulkRequest.Action.UPDATE,
                java.util.Optional.of(deals),
                java.util.Optional.empty(),
                RecordInput.of(Map.of("amount", new BigDecimal("20.00"))),
                java.util.Optional.empty()),
            (connection, done, succeeded, failed, errors) -> chunks.add(done));

    assertEquals(2, result.succeeded());
    assertEquals(
        List.of(deals.get(1) + " /title test.refused"),
        result.errors().stream()
            .map(e -> e.id() + " " + e.details().get(0).pointer() + " " + e.details().get(0).code())
            .toList());
    assertEquals(List.of(3L), chunks);
    assertDecimal("50.00", column("company", company, "deal_total"));
    assertDecimal("10.00", column("deal", deals.get(1), "amount"));

    RecordService.BulkResult deleted =
        records.bulk(
            context(admin),
            "deal",
            new BulkRequest(
                BulkRequest.Action.DELETE,
                java.util.Optional.empty(),
                java.util.Optional.of(
                    io.relata.metadata.condition.ConditionParser.parse(
                        "company = \"" + company + "\" and amount = 20")),
                RecordInput.empty(),
                java.util.Optional.empty()),
            (connection, done, succeeded, failed, errors) -> {});
    assertEquals(2, deleted.succeeded());
    assertDecimal("1", column("company", company, "deal_count"));
  }

  private static String importedDeal(UUID company, String title, String amount) {
    return "{'title':'" + title + "','company':'" + company + "','amount':" + amount + "}";
  }

  @Test
  void theRollUpHookKeepsTheParentCurrentOnEveryKind() throws Exception {
    UUID company = company("Rolled Oy");
    StoredRecord deal = records.create(context(admin), "deal", deal(company, "Rolled", "10.00"));
    assertDecimal("10.00", column("company", company, "deal_total"));

    records.update(
        context(admin),
        "deal",
        deal.id(),
        RecordInput.of(Map.of("amount", new BigDecimal("25.50"))),
        OptionalLong.empty());
    assertDecimal("25.50", column("company", company, "deal_total"));

    records.delete(context(admin), "deal", deal.id(), OptionalLong.empty());
    assertDecimal("0", column("company", company, "deal_count"));

    records.restore(context(admin), "deal", deal.id());
    assertDecimal("1", column("company", company, "deal_count"));
  }

  @Test
  void aWriterWithoutTheRightLearnsNothingOfFieldsOrRules() {
    UUID company = company("Closed Oy");
    RecordInput hostile =
        RecordInput.of(
            Map.of("title", 42, "no_such_field", "x", "quantity", new BigDecimal("5000")));

    assertThrows(
        AccessDeniedException.class, () -> records.create(context(reader), "deal", hostile));
    StoredRecord deal = records.create(context(admin), "deal", deal(company, "Read only", "1.00"));
    assertThrows(
        AccessDeniedException.class,
        () -> records.update(context(reader), "deal", deal.id(), hostile, OptionalLong.empty()));
  }

  @Test
  void aMasterTheWriterMayNotEditIsTheSameAsAMissingOne() {
    UUID company = company("Elsewhere Oy");
    UUID missing = UUID.randomUUID();

    for (UUID master : List.of(company, missing)) {
      InvalidRequestException refused =
          assertThrows(
              InvalidRequestException.class,
              () -> records.create(context(seller), "deal", deal(master, "Probe", "1.00")));
      assertEquals(
          List.of("/company record.reference-missing"),
          refused.violations().stream().map(v -> v.pointer() + " " + v.code()).toList());
    }
  }

  @Test
  void oneWriteHasOneNow() {
    UUID company = company("Now Oy");
    StoredRecord deal = records.create(context(admin), "deal", deal(company, "Now", "1.00"));
    OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);

    assertEquals(now, deal.values().get("created_at"));
    assertEquals(now, deal.values().get("updated_at"));
  }

  private RecordService service(RecordHook... extra) {
    return postgres.service(List.of(extra));
  }

  private abstract static class Hook implements RecordHook {
    private final String name;
    private final Stage stage;
    private final int order;

    Hook(String name, Stage stage, int order) {
      this.name = name;
      this.stage = stage;
      this.order = order;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Stage stage() {
      return stage;
    }

    @Override
    public int order() {
      return order;
    }
  }

  private RecordHook recording(String name, RecordHook.Stage stage, int order) {
    return new Hook(name, stage, order) {
      @Override
      public void run(RecordChange change) {
        String seen = stage + " " + name + " " + change.kind();
        if (stage != Stage.BEFORE_SAVE && change.id() != null) {
          seen += " stored";
        }
        if (stage == Stage.AFTER_COMMIT) {
          try {
            change.connection();
          } catch (IllegalStateException expected) {
            seen += " no-transaction";
          }
        }
        calls.add(seen);
      }
    };
  }

  private RecordHook refusing(String name, RecordHook.Stage stage, int order) {
    return new Hook(name, stage, order) {
      @Override
      public void run(RecordChange change) {
        if (refuseWhen.test(change)) {
          change.refuse("title", "test.refused");
        }
      }
    };
  }

  private WriteContext context(Actor actor) {
    return postgres.context(actor);
  }

  private UUID company(String name) {
    return records.create(context(admin), "company", RecordInput.of(Map.of("name", name))).id();
  }

  private static RecordInput deal(UUID company, String title, String amount) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("company", company.toString());
    values.put("amount", new BigDecimal(amount));
    return RecordInput.of(values);
  }

  private static Object column(String table, UUID id, String column) {
    return postgres.column(table, id, column);
  }

  private static long count(String table, String where) {
    return ((Number)
            postgres.query("SELECT count(*) FROM records.\"" + table + "\" WHERE " + where))
        .longValue();
  }

  private static long auditEntries() {
    return ((Number) postgres.query("SELECT count(*) FROM relata.audit_entry")).longValue();
  }

  private static void assertDecimal(String expected, Object actual) {
    assertTrue(RecordsOnPostgres.sameDecimal(expected, actual), expected + " vs " + actual);
  }
}
