package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.automation.AfterSaveAutomations;
import io.relata.platform.automation.BeforeSaveAutomations;
import io.relata.platform.identity.Actor;
import io.relata.platform.notification.Notifications;
import io.relata.platform.rest.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After-save automations and assignment rules on a real PostgreSQL: actions that write other
 * records in the triggering write's transaction, owners chosen by rule tables and groups with the
 * reason on the timeline, and the two ways loops end.
 */
class AfterSaveAutomationsIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;
  private static Actor karin;
  private static Actor alan;
  private static Actor daniel;
  private static final List<Actor> SELLERS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                RecordsOnPostgres.activity(),
                json(
                    "{'name':'prospect','label':'Prospect','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text'},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'touches','label':'Touches','type':'number'}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'new','label':'New','probability':0,'category':'open'},"
                        + "{'name':'qualified','label':'Qualified','probability':50,"
                        + "'category':'open'},"
                        + "{'name':'converted','label':'Converted','probability':100,"
                        + "'category':'won'}]}}"),
                json(
                    "{'name':'lead','label':'Lead','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text','required':true},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'prospect','label':'Prospect','type':'lookup',"
                        + "'target':'prospect','onDelete':'set-null'}]}"),
                json(
                    "{'name':'ticket','label':'Ticket','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'}]}"),
                json(
                    "{'name':'code','label':'Code','nameField':'value','fields':["
                        + "{'name':'value','label':'Value','type':'text','unique':true}]}"),
                json(
                    "{'name':'link','label':'Link','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'parent','label':'Parent','type':'lookup',"
                        + "'target':'link','onDelete':'set-null'}]}")),
            List.of(),
            Map.of(
                DocumentKinds.ASSIGNMENT_RULES,
                List.of(
                    json(
                        "{'name':'prospect_routing','label':'Prospect routing',"
                            + "'object':'prospect','rules':["
                            + "{'label':'Large prospects','condition':'users > 50',"
                            + "'assignTo':{'user':'karin'}}],"
                            + "'fallback':{'user':'alan'}}"),
                    json(
                        "{'name':'lead_routing','label':'Lead routing','object':'lead','rules':["
                            + "{'label':'Large leads','condition':'users >= 50',"
                            + "'assignTo':{'user':'daniel'}}],"
                            + "'fallback':{'group':'sellers'}}")),
                DocumentKinds.AUTOMATIONS,
                List.of(
                    json(
                        "{'name':'route_prospects','label':'Route prospects','object':'prospect',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'assign','rules':'prospect_routing'}]}"),
                    json(
                        "{'name':'convert','label':'Convert to a lead','object':'prospect',"
                            + "'trigger':{'type':'record','timing':'after','on':['update'],"
                            + "'stage':{'enters':'converted'}},"
                            + "'actions':[{'type':'create','object':'lead','link':'prospect',"
                            + "'formulas':{'company':'company','users':'users'}}]}"),
                    json(
                        "{'name':'touch','label':'Count touches','object':'prospect',"
                            + "'trigger':{'type':'record','timing':'after','on':['update']},"
                            + "'condition':'company = \\'Touchy\\'',"
                            + "'actions':[{'type':'set','formulas':{'touches':'touches + 1'}}]}"),
                    json(
                        "{'name':'tell','label':'Big lead','object':'lead',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'condition':'users >= 50',"
                            + "'actions':[{'type':'notify','to':{'owner':true},"
                            + "'message':'{company} has {users} users'},"
                            + "{'type':'notify','to':{'group':'sellers'},"
                            + "'message':'A large lead: {company}'}]}"),
                    json(
                        "{'name':'route_leads','label':'Route leads','object':'lead',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'actions':[{'type':'assign','rules':'lead_routing'},"
                            + "{'type':'task','subject':'Call the new lead','due':'P1D'}]}"),
                    json(
                        "{'name':'spread_tickets','label':'Spread tickets','object':'ticket',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'assign',"
                            + "'to':{'group':'desk','method':'least-loaded'}}]}"),
                    json(
                        "{'name':'breed','label':'Breed','object':'link',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'condition':'title = \\'runaway\\'',"
                            + "'actions':[{'type':'create','object':'link','link':'parent',"
                            + "'values':{'title':'runaway'}}]}"),
                    json(
                        "{'name':'issue_code','label':'Issue a code','object':'ticket',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'condition':'title = \\'coded\\'',"
                            + "'actions':[{'type':'script','source':"
                            + "'try { create(\\'code\\', {value: \\'taken\\'}); }"
                            + " catch (e) { record.title = \\'refused: \\' + e.message; }"
                            + " create(\\'code\\', {value: \\'fresh\\'});'}]}"),
                    json(
                        "{'name':'refuse','label':'Make a bad lead','object':'ticket',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'condition':'title = \\'bad\\'',"
                            + "'actions':[{'type':'create','object':'lead'}]}"))),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    karin = postgres.user("karin", "administrator");
    alan = postgres.user("alan", "administrator");
    daniel = postgres.user("daniel", "administrator");
    for (String name : List.of("sam", "sia", "sol")) {
      SELLERS.add(postgres.user(name, "administrator"));
    }
    postgres.group("sellers", SELLERS.toArray(Actor[]::new));
    postgres.group("desk", SELLERS.toArray(Actor[]::new));
    records =
        postgres.service(
            List.of(
                new BeforeSaveAutomations(postgres.automating()),
                new AfterSaveAutomations(postgres.automating())));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void prospectsAreRoutedByTheirSizeAndConvertedLeadsOnToTheSalesManager() throws Exception {
    StoredRecord big = create("prospect", Map.of("company", "Big Co", "users", 100));
    assertEquals(karin.id(), big.values().get("owner_id"), "more than 50 users: Karin");
    StoredRecord small = create("prospect", Map.of("company", "Small Co", "users", 10));
    assertEquals(alan.id(), small.values().get("owner_id"), "the fallback: Alan");
    StoredRecord unsized = create("prospect", Map.of("company", "Unsized Co"));
    assertEquals(alan.id(), unsized.values().get("owner_id"), "no users: no rule holds");

    List<TimelineItem.Because> why = because("prospect", big.id());
    assertEquals(1, why.size(), why.toString());
    assertEquals("route_prospects", why.get(0).automation());
    assertEquals(Optional.of("prospect_routing"), why.get(0).assignment());
    assertEquals(Optional.of(1), why.get(0).rule());
    assertEquals(Optional.of("Large prospects"), why.get(0).label());
    assertEquals(Optional.of("users > 50"), why.get(0).condition());
    assertTrue(because("prospect", small.id()).get(0).fallback());

    // Karin qualifies it and converts it: the lead is created, linked, and goes to Daniel
    StoredRecord converted = update(karin, "prospect", big.id(), Map.of("stage", "qualified"));
    converted = update(karin, "prospect", big.id(), Map.of("stage", "converted"));
    assertEquals("converted", converted.values().get("stage"));
    UUID lead =
        (UUID) postgres.query("SELECT id FROM records.lead WHERE prospect = '" + big.id() + "'");
    assertEquals(daniel.id(), postgres.column("lead", lead, "owner_id"));
    assertEquals("Big Co", postgres.column("lead", lead, "company"));
    assertEquals(karin.id(), postgres.column("lead", lead, "created_by"), "Karin's write made it");
    TimelineItem.Because leadWhy = because("lead", lead).get(0);
    assertEquals("route_leads", leadWhy.automation());
    assertEquals(Optional.of("users >= 50"), leadWhy.condition());

    // Daniel, its owner once the lead was routed, and every seller are told
    Notifications notifications = new Notifications(postgres.dataSource());
    List<io.relata.platform.notification.Notification> daniels =
        notifications.of(daniel.id(), Optional.empty(), 10);
    assertEquals(1, daniels.size(), daniels.toString());
    assertEquals("Big lead", daniels.get(0).title());
    assertEquals("Big Co has 100 users", daniels.get(0).body());
    assertEquals(Optional.of(lead), daniels.get(0).record());
    for (Actor seller : SELLERS) {
      assertEquals(
          List.of("A large lead: Big Co"),
          notifications.of(seller.id(), Optional.empty(), 10).stream()
              .map(io.relata.platform.notification.Notification::body)
              .toList());
    }
    assertEquals(1, notifications.unread(daniel.id()));
    assertTrue(notifications.read(daniel.id(), Optional.of(daniels.get(0).id()), OffsetNow.NOW));
    assertEquals(0, notifications.unread(daniel.id()));
    assertEquals(
        false,
        notifications.read(karin.id(), Optional.of(daniels.get(0).id()), OffsetNow.NOW),
        "another's notification is as good as none");

    // the task for the lead's new owner, due a day later
    assertEquals(
        daniel.id(),
        postgres.query(
            "SELECT owner_id FROM records.activity WHERE about->>'id' = '" + lead + "'"));
    assertEquals(
        Instant.parse("2026-12-06T10:00:00Z"),
        ((java.sql.Timestamp)
                postgres.query(
                    "SELECT due FROM records.activity WHERE about->>'id' = '" + lead + "'"))
            .toInstant());
  }

  @Test
  void smallLeadsGoToTheSellersInTurnAndTicketsToTheLeastLoaded() {
    List<Object> owners = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      UUID lead = create("lead", Map.of("company", "Lead " + i, "users", 5)).id();
      owners.add(postgres.column("lead", lead, "owner_id"));
    }
    int first = SELLERS.stream().map(Actor::id).toList().indexOf(owners.get(0));
    for (int i = 0; i < 4; i++) {
      assertEquals(SELLERS.get((first + i) % 3).id(), owners.get(i), "turn " + i + ": " + owners);
    }
    TimelineItem.Because why =
        because(
                "lead",
                (UUID) postgres.query("SELECT id FROM records.lead WHERE company = 'Lead 0'"))
            .get(0);
    assertTrue(why.fallback());
    assertEquals(Optional.of("sellers"), why.group());
    assertEquals(Optional.of("round-robin"), why.method());

    // sam owns two open tickets and sia one: the next goes to sol, who owns none
    for (Actor owner : List.of(SELLERS.get(0), SELLERS.get(0), SELLERS.get(1))) {
      UUID ticket = create("ticket", Map.of("title", "old")).id();
      postgres.query(
          "UPDATE records.ticket SET owner_id = '"
              + owner.id()
              + "' WHERE id = '"
              + ticket
              + "' RETURNING 1");
    }
    StoredRecord next = create("ticket", Map.of("title", "new"));
    assertEquals(SELLERS.get(2).id(), next.values().get("owner_id"));
  }

  @Test
  void anUpdateThatTriggersItselfRunsOnceAndTheAnswerIsTheRecordAsItNowIs() {
    StoredRecord touchy = create("prospect", Map.of("company", "Touchy", "users", 1, "touches", 0));
    StoredRecord touched = update(admin, "prospect", touchy.id(), Map.of("users", 2));
    assertTrue(
        RecordsOnPostgres.sameDecimal("1", touched.values().get("touches")),
        "once, though its own set triggers it again: " + touched.values());
    assertTrue(
        RecordsOnPostgres.sameDecimal("1", postgres.column("prospect", touchy.id(), "touches")));
    touched = update(admin, "prospect", touchy.id(), Map.of("users", 3));
    assertTrue(RecordsOnPostgres.sameDecimal("2", touched.values().get("touches")));
  }

  @Test
  void aChainDeeperThanSixteenIsStoppedNamingItAndNothingIsKept() {
    long links = (Long) postgres.query("SELECT count(*) FROM records.link");
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class, () -> create("link", Map.of("title", "runaway")));
    assertEquals("automation.chain-too-deep", refused.violations().get(0).code());
    assertEquals(16, refused.violations().get(0).args().get(0));
    assertEquals(
        String.join(" → ", java.util.Collections.nCopies(17, "breed")),
        refused.violations().get(0).args().get(1));
    assertEquals(links, postgres.query("SELECT count(*) FROM records.link"));
    // a chain that ends is no chain too deep
    create("link", Map.of("title", "calm"));
    assertEquals(links + 1, postgres.query("SELECT count(*) FROM records.link"));
  }

  @Test
  void aScriptThatCatchesAFailedCreateGoesOnInATransactionAsItWas() throws Exception {
    records.create(postgres.context(admin), "code", RecordInput.of(Map.of("value", "taken")));
    UUID ticket =
        records
            .create(postgres.context(admin), "ticket", RecordInput.of(Map.of("title", "coded")))
            .id();
    assertEquals(
        "refused: /value record.duplicate",
        postgres.column("ticket", ticket, "title"),
        "the database's refusal as a problem's code, not as SQL");
    assertEquals(1L, postgres.query("SELECT count(*) FROM records.code WHERE value = 'taken'"));
    assertEquals(
        1L,
        postgres.query("SELECT count(*) FROM records.code WHERE value = 'fresh'"),
        "the create after the caught failure is kept");
  }

  @Test
  void aRefusedActionRefusesTheWriteThatTriggeredItSayingWhichAutomation() {
    long tickets = (Long) postgres.query("SELECT count(*) FROM records.ticket");
    InvalidRequestException refused =
        assertThrows(InvalidRequestException.class, () -> create("ticket", Map.of("title", "bad")));
    assertEquals("automation.action-refused", refused.violations().get(0).code());
    assertEquals(List.of("Make a bad lead", 1), refused.violations().get(0).args());
    assertEquals(
        "/company", refused.violations().get(1).pointer(), refused.violations().toString());
    assertEquals(tickets, postgres.query("SELECT count(*) FROM records.ticket"));
  }

  private static List<TimelineItem.Because> because(String object, UUID id) {
    return records.timeline(admin, object, id, TimelineQuery.first()).items().stream()
        .flatMap(item -> item.because().stream())
        .toList();
  }

  private static StoredRecord create(String object, Map<String, Object> values) {
    return records.create(postgres.context(admin), object, RecordInput.of(decimals(values)));
  }

  private static StoredRecord update(
      Actor actor, String object, UUID id, Map<String, Object> changes) {
    return records.update(
        postgres.context(actor),
        object,
        id,
        RecordInput.of(decimals(changes)),
        OptionalLong.empty());
  }

  private static Map<String, Object> decimals(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            typed.put(name, value instanceof Integer n ? BigDecimal.valueOf(n) : value));
    return typed;
  }

  /** A moment to mark notifications read at. */
  private static final class OffsetNow {
    static final java.time.OffsetDateTime NOW =
        java.time.OffsetDateTime.parse("2026-12-05T11:00:00Z");
  }
}
