package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field security on what records derive and link: formulas, roll-ups, currency codes, relations.
 */
class RecordAccessIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:15:30Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;
  private static Actor narrow;
  private static Actor unlinked;
  private static Actor editor;
  private static Actor colleague;
  private static UUID firm;
  private static UUID sale;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'firm','label':'Firm','nameField':'name','recordAccess':'read-write','fields':["
                        + "{'name':'name','label':'Name','type':'text'},"
                        + "{'name':'sale_count','label':'Sales','type':'roll-up','object':'sale',"
                        + "'relation':'firm','function':'count'},"
                        + "{'name':'sale_margin','label':'Margin','type':'roll-up','object':'sale',"
                        + "'relation':'firm','function':'sum','field':'margin'}]}"),
                json(
                    "{'name':'sale','label':'Sale','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'firm','label':'Firm','type':'master-detail','target':'firm'},"
                        + "{'name':'amount','label':'Amount','type':'currency','perRecord':true},"
                        + "{'name':'margin','label':'Margin','type':'number','scale':2},"
                        + "{'name':'margin_pct','label':'Margin %','type':'formula',"
                        + "'expression':'margin * 100','resultType':'number','scale':2},"
                        + "{'name':'margin_twice','label':'Margin x2','type':'formula',"
                        + "'expression':'margin_pct * 2','resultType':'number','scale':2},"
                        + "{'name':'title_upper','label':'Upper','type':'formula',"
                        + "'expression':'upper(title)','resultType':'text'}]}")),
            List.of(
                json(
                    "{'name':'narrow','label':'Narrow','objects':{'firm':{'read':true},"
                        + "'sale':{'read':true,'create':true,'edit':true,"
                        + "'fields':{'margin':'hidden','amount':'read-only'}}}}"),
                json(
                    "{'name':'editor','label':'Editor','objects':{'firm':{'read':true,"
                        + "'create':true,'edit':true}}}"),
                json(
                    "{'name':'unlinked','label':'Unlinked','objects':{'firm':{'read':true},"
                        + "'sale':{'read':true,'fields':{'firm':'hidden'}}}}")),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    narrow = postgres.user("narrow", "narrow");
    unlinked = postgres.user("unlinked", "unlinked");
    editor = postgres.user("editor", "editor");
    colleague = postgres.user("colleague", "editor");
    records = postgres.service(List.of());
    firm =
        records
            .create(postgres.context(admin), "firm", RecordInput.of(Map.of("name", "Firm Oy")))
            .id();
    sale =
        records
            .create(
                postgres.context(admin),
                "sale",
                RecordInput.of(
                    Map.of(
                        "title",
                        "Big sale",
                        "firm",
                        firm.toString(),
                        "amount",
                        new BigDecimal("100.00"),
                        "amount_currency",
                        "SEK",
                        "margin",
                        new BigDecimal("0.25"))))
            .id();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aFormulaOverAHiddenFieldIsHiddenTransitively() {
    Map<String, Object> seen = records.read(narrow, "sale", sale, List.of()).values();

    assertFalse(seen.containsKey("margin"));
    assertFalse(seen.containsKey("margin_pct"), "margin * 100 shows the margin");
    assertFalse(seen.containsKey("margin_twice"), "a formula over that formula too");
    assertEquals("BIG SALE", seen.get("title_upper"));
    assertTrue(
        RecordsOnPostgres.sameDecimal(
            "50.00", records.read(admin, "sale", sale, List.of()).values().get("margin_twice")));
  }

  @Test
  void aRollUpOverAHiddenChildFieldIsHidden() {
    Map<String, Object> seen = records.read(narrow, "firm", firm, List.of()).values();

    assertFalse(seen.containsKey("sale_margin"));
    assertTrue(RecordsOnPostgres.sameDecimal("1", seen.get("sale_count")));
  }

  @Test
  void aPerRecordCurrencyCodeIsReadAndWrittenLikeItsAmount() {
    Map<String, Object> seen = records.read(narrow, "sale", sale, List.of()).values();
    assertEquals("SEK", seen.get("amount_currency"), "the amount is readable, so is its currency");

    AccessDeniedException refused =
        assertThrows(
            AccessDeniedException.class,
            () ->
                records.update(
                    postgres.context(narrow),
                    "sale",
                    sale,
                    RecordInput.of(Map.of("amount_currency", "EUR")),
                    OptionalLong.empty()));
    assertTrue(refused.violations().toString().contains("amount_currency"), refused.toString());
    assertEquals("SEK", postgres.column("sale", sale, "amount_currency"));
  }

  @Test
  void aRelatedListThroughAHiddenReferenceIsNoRelation() {
    RecordQuery all =
        new RecordQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            RecordQuery.DEFAULT_LIMIT,
            Optional.empty(),
            List.of(),
            true);
    assertEquals(1, records.related(admin, "firm", firm, "sale", all).items().size());

    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> records.related(unlinked, "firm", firm, "sale", all));
    assertEquals("query.unknown-relation", refused.violations().get(0).code());
  }

  @Test
  void theOwnerHandsARecordToAnActiveUserAndOnlyThoseWithTheTransferRightMay() {
    UUID mine =
        records
            .create(postgres.context(editor), "firm", RecordInput.of(Map.of("name", "Mine Oy")))
            .id();

    AccessDeniedException notTheirs =
        assertThrows(
            AccessDeniedException.class,
            () -> transfer(colleague, mine, colleague.id().toString()));
    assertEquals("problem.access-record", notTheirs.code());
    InvalidRequestException nobody =
        assertThrows(
            InvalidRequestException.class,
            () -> transfer(editor, mine, UUID.randomUUID().toString()));
    assertEquals("/owner_id", nobody.violations().get(0).pointer());
    assertEquals("record.reference-missing", nobody.violations().get(0).code());
    assertEquals(editor.id(), postgres.column("firm", mine, "owner_id"));
    assertEquals(
        "[\"owner_id\"] 0",
        postgres.query(
            "SELECT e.detail->>'actorValues' || ' ' || (SELECT count(*) FROM relata.audit_value v"
                + " WHERE v.entry_id = e.id AND v.field = 'owner_id')"
                + " FROM relata.audit_entry e WHERE e.action = 'record.create' AND e.record_id = '"
                + mine
                + "'"),
        "the create keeps its owner, its creator, by name and not as a value");

    StoredRecord handed = transfer(editor, mine, colleague.id().toString());
    assertEquals(colleague.id(), handed.values().get("owner_id"));
    assertEquals(
        "\"" + editor.id() + "\" -> \"" + colleague.id() + "\"",
        postgres.query(
            "SELECT v.before::text || ' -> ' || v.after::text FROM relata.audit_value v"
                + " JOIN relata.audit_entry e ON e.id = v.entry_id"
                + " WHERE e.record_id = '"
                + mine
                + "' AND v.field = 'owner_id' ORDER BY e.id DESC LIMIT 1"));
    assertThrows(AccessDeniedException.class, () -> transfer(editor, mine, editor.id().toString()));
    assertEquals(
        editor.id(), transfer(admin, mine, editor.id().toString()).values().get("owner_id"));
  }

  private static StoredRecord transfer(Actor actor, UUID firm, String owner) {
    return records.update(
        postgres.context(actor),
        "firm",
        firm,
        RecordInput.of(Map.of("owner_id", owner)),
        OptionalLong.empty());
  }
}
