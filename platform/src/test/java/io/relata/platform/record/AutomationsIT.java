package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.automation.BeforeSaveAutomations;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Before-save automations on a real PostgreSQL, through the one write pipeline: they set a record's
 * own fields when their trigger (event, changed fields, a stage entered) and condition hold, in
 * their order, and never when inactive.
 */
class AutomationsIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'prospect','label':'Prospect','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text'},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'score','label':'Score','type':'number'},"
                        + "{'name':'qualified','label':'Qualified','type':'boolean'},"
                        + "{'name':'notes','label':'Notes','type':'rich-text'},"
                        + "{'name':'tier','label':'Tier','type':'picklist','values':["
                        + "{'name':'small','label':'Small'},{'name':'large','label':'Large'}]}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'new','label':'New','probability':0,'category':'open'},"
                        + "{'name':'qualified','label':'Qualified','probability':50,'category':'open'},"
                        + "{'name':'converted','label':'Converted','probability':100,"
                        + "'category':'won'}]}}")),
            List.of(),
            List.of(
                json(
                    "{'name':'size_up','label':'Size up','object':'prospect','order':10,"
                        + "'trigger':{'type':'record','timing':'before','on':['create','update'],"
                        + "'fields':['users']},"
                        + "'condition':'users > 50',"
                        + "'actions':[{'type':'set','values':{'tier':'large'},"
                        + "'formulas':{'score':'users * 2'}}]}"),
                json(
                    "{'name':'then_more','label':'Then more','object':'prospect','order':20,"
                        + "'trigger':{'type':'record','timing':'before','on':['create','update'],"
                        + "'fields':['users']},"
                        + "'condition':'tier = \\'large\\'',"
                        + "'actions':[{'type':'set','formulas':{'score':'score + 1'}}]}"),
                json(
                    "{'name':'mark_qualified','label':'Mark qualified','object':'prospect',"
                        + "'trigger':{'type':'record','timing':'before','on':['update'],"
                        + "'stage':{'enters':'qualified'}},"
                        + "'actions':[{'type':'set','values':{'qualified':true}}]}"),
                json(
                    "{'name':'copy_notes','label':'Copy notes','object':'prospect',"
                        + "'trigger':{'type':'record','timing':'before','on':['create']},"
                        + "'condition':'users = 7',"
                        + "'actions':[{'type':'set','formulas':{'notes':'company'}}]}"),
                json(
                    "{'name':'bad_tier','label':'Bad tier','object':'prospect',"
                        + "'trigger':{'type':'record','timing':'before','on':['create']},"
                        + "'condition':'users = 13',"
                        + "'actions':[{'type':'set','formulas':{'tier':'company'}}]}"),
                json(
                    "{'name':'scripted','label':'Scripted','object':'prospect',"
                        + "'trigger':{'type':'record','timing':'before','on':['create']},"
                        + "'condition':'users >= 900',"
                        + "'actions':[{'type':'script','source':"
                        + "'record.score = record.users * 2; record.tier = \\'large\\';"
                        + " if (record.company === \\'Nope\\') problem(\\'company\\', \\'not a real company\\');"
                        + " if (record.users === 999) { while (true) {} }'}]}"),
                json(
                    "{'name':'switched_off','label':'Switched off','object':'prospect',"
                        + "'active':false,"
                        + "'trigger':{'type':'record','timing':'before','on':['create']},"
                        + "'actions':[{'type':'set','values':{'company':'Overwritten'}}]}")),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    records = postgres.service(List.of(new BeforeSaveAutomations(postgres.automating())));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void automationsSetFieldsInTheirOrderWhenTheirTriggerAndConditionHold() {
    StoredRecord big = create("Big Co", "100");
    assertEquals("Big Co", big.values().get("company"), "an inactive automation never runs");
    assertEquals("large", big.values().get("tier"));
    assertEquals(
        0,
        new BigDecimal("201").compareTo((BigDecimal) big.values().get("score")),
        "the second sees what the first set: " + big.values().get("score"));

    StoredRecord small = create("Small Co", "10");
    assertNull(small.values().get("tier"), "the condition does not hold");
    assertNull(small.values().get("score"));

    StoredRecord grown = update(small, Map.of("users", new BigDecimal("60")));
    assertEquals("large", grown.values().get("tier"));
    assertEquals(0, new BigDecimal("121").compareTo((BigDecimal) grown.values().get("score")));

    // a write that does not change the users is not theirs: the score the writer sets stays
    StoredRecord renamed =
        update(grown, Map.of("company", "Grown Co", "score", new BigDecimal("5")));
    assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) renamed.values().get("score")));
    assertEquals(
        0,
        new BigDecimal("5")
            .compareTo((BigDecimal) postgres.column("prospect", renamed.id(), "score")),
        "as stored");

    // the same number written another way is no change of it: 60.00 is 60
    StoredRecord same =
        update(renamed, Map.of("users", new BigDecimal("60.000"), "score", new BigDecimal("6")));
    assertEquals(0, new BigDecimal("6").compareTo((BigDecimal) same.values().get("score")));
  }

  @Test
  void aStageEnteredTriggersOnceNotWhileTheRecordStaysInIt() {
    StoredRecord prospect = create("Stage Co", "5");
    assertNull(prospect.values().get("qualified"));
    StoredRecord moved = update(prospect, Map.of("stage", "qualified"));
    assertEquals(Boolean.TRUE, moved.values().get("qualified"));
    StoredRecord unmarked = update(moved, Map.of("qualified", false));
    assertEquals(Boolean.FALSE, unmarked.values().get("qualified"), "it stays in the stage");
  }

  @Test
  void whatAFormulaGivesIsReadAsAWritersValueWouldBe() {
    StoredRecord copied = create("<b>Bold</b><img src=x onerror=alert(1)>", "7");
    String notes = (String) postgres.column("prospect", copied.id(), "notes");
    assertTrue(notes.contains("<b>Bold</b>"), notes);
    assertFalse(notes.contains("onerror"), "rich text sanitised: " + notes);

    long before = (Long) postgres.query("SELECT count(*) FROM records.prospect");
    InvalidRequestException refused =
        assertThrows(InvalidRequestException.class, () -> create("Acme", "13"));
    assertEquals("/tier", refused.violations().get(0).pointer(), refused.violations().toString());
    assertEquals(before, postgres.query("SELECT count(*) FROM records.prospect"), "nothing kept");
  }

  @Test
  void aScriptChangesTheRecordBeforeItIsSavedOrRefusesItAtAField() throws Exception {
    StoredRecord scripted = create("Scripted Co", "900");
    assertTrue(
        RecordsOnPostgres.sameDecimal("1800", scripted.values().get("score")),
        scripted.values().toString());
    assertEquals("large", scripted.values().get("tier"));

    long before = (Long) postgres.query("SELECT count(*) FROM records.prospect");
    InvalidRequestException refused =
        assertThrows(InvalidRequestException.class, () -> create("Nope", "900"));
    assertEquals("/company", refused.violations().get(0).pointer());
    assertEquals("automation.script-problem", refused.violations().get(0).code());
    assertEquals(List.of("not a real company"), refused.violations().get(0).args());
    InvalidRequestException stopped =
        assertThrows(InvalidRequestException.class, () -> create("Loop Co", "999"));
    assertEquals("automation.script-stopped", stopped.violations().get(0).code());
    assertEquals("statements", stopped.violations().get(0).args().get(1));
    assertEquals(1, stopped.violations().get(0).args().get(4), "its action, by number");
    assertEquals("scripted", stopped.violations().get(0).args().get(5), "its automation");
    assertEquals(before, postgres.query("SELECT count(*) FROM records.prospect"), "nothing kept");

    // the run log keeps all three, the refused ones with why and what the script used
    postgres.runLog().flush();
    assertEquals(
        List.of("done", "refused", "refused"),
        postgres
            .runLog()
            .list(
                java.util.Optional.of("scripted"),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                10)
            .stream()
            .map(run -> run.get("outcome").asText())
            .sorted()
            .toList(),
        "one write's runs share its moment, in no order");
    com.fasterxml.jackson.databind.JsonNode looped =
        postgres
            .runLog()
            .list(
                java.util.Optional.of("scripted"),
                java.util.Optional.empty(),
                java.util.Optional.of("refused"),
                java.util.Optional.empty(),
                10)
            .stream()
            .filter(run -> run.get("reason").asText().contains("automation.script-stopped"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        looped.get("reason").asText().contains("automation.script-stopped"), looped.toString());
    assertEquals("statements", looped.get("usage").get(0).get("stoppedBy").asText());
    assertEquals("record", looped.get("trigger").asText());
  }

  private static StoredRecord create(String company, String users) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("company", company);
    values.put("users", new BigDecimal(users));
    return records.create(postgres.context(admin), "prospect", RecordInput.of(values));
  }

  private static StoredRecord update(StoredRecord record, Map<String, Object> changes) {
    return records.update(
        postgres.context(admin),
        "prospect",
        (UUID) record.values().get("id"),
        RecordInput.of(changes),
        OptionalLong.empty());
  }
}
