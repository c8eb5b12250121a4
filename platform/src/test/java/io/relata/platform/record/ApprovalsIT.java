package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.approval.ApprovalHook;
import io.relata.platform.approval.Approvals;
import io.relata.platform.approval.LockedChildren;
import io.relata.platform.identity.Actor;
import io.relata.platform.notification.Notification;
import io.relata.platform.notification.Notifications;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.testing.MutableClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approval processes on a real PostgreSQL: a deal over 1,000 that is moved to won stays where it
 * was, locked, until the seller's manager and then the CFO approve it; a rejection needs a comment
 * and unlocks it; only the current step's approvers decide; everyone concerned is told.
 */
class ApprovalsIT {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Approvals approvals;
  private static Notifications notifications;
  private static Actor sam;
  private static Actor mia;
  private static Actor cfo;
  private static Actor admin;
  private static Actor stranger;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'customer','label':'Customer','nameField':'name','fields':["
                        + "{'name':'name','label':'Name','type':'text'}]}"),
                json(
                    "{'name':'deal','label':'Deal','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'amount','label':'Amount','type':'number'},"
                        + "{'name':'customer','label':'Customer','type':'lookup',"
                        + "'target':'customer','onDelete':'cascade'}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'new','label':'New','probability':10,'category':'open'},"
                        + "{'name':'negotiation','label':'Negotiation','probability':60,"
                        + "'category':'open','guard':{'condition':'amount > 0',"
                        + "'message':'A deal in negotiation needs its amount'}},"
                        + "{'name':'won','label':'Won','probability':100,'category':'won'}]}}")),
            List.of(),
            Map.of(
                DocumentKinds.APPROVAL_PROCESSES,
                List.of(
                    json(
                        "{'name':'big_deals','label':'Big deal sign-off','object':'deal',"
                            + "'stage':'won','condition':'amount > 1000','steps':["
                            + "{'label':'Manager','approver':{'manager':true}},"
                            + "{'label':'Finance','approver':{'user':'CFO'}}]}"),
                    json(
                        "{'name':'huge_talks','label':'Huge talks','object':'deal',"
                            + "'stage':'negotiation','condition':'amount > 50000','steps':["
                            + "{'approver':{'user':'mia'}}]}"))),
            CLOCK);
    sam = postgres.user("sam", "administrator");
    mia = postgres.user("mia", "administrator");
    cfo = postgres.user("cfo", "administrator");
    admin = postgres.user("admin", "administrator");
    stranger = postgres.user("stranger", "administrator");
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement manager =
            connection.prepareStatement("UPDATE relata.app_user SET manager_id = ? WHERE id = ?")) {
      manager.setObject(1, mia.id());
      manager.setObject(2, sam.id());
      manager.executeUpdate();
    }
    records = postgres.service(List.of(new ApprovalHook(), new LockedChildren()));
    approvals =
        new Approvals(
            postgres.dataSource(),
            records,
            new CompiledObjects(() -> postgres.model()),
            CLOCK,
            actor -> actor.id().equals(admin.id()));
    notifications = new Notifications(postgres.dataSource());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aBigDealIsWonOnlyOnceEveryStepApproves() throws Exception {
    CLOCK.advance(java.time.Duration.ofMinutes(1)); // its notifications are the newest
    UUID deal = create(sam, "Big one", 5000);
    update(sam, deal, Map.of("stage", "negotiation"));
    StoredRecord asked = update(sam, deal, Map.of("stage", "won"));
    assertEquals("negotiation", asked.values().get("stage"), "stays where it was");
    ObjectNode request =
        only(
            approvals.list(
                mia,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10));
    UUID id = UUID.fromString(request.get("id").asText());
    assertEquals("won", request.get("stage").asText());
    assertEquals("negotiation", request.get("fromStage").asText());
    assertEquals(1, request.get("step").asInt());
    assertEquals(2, request.get("steps").asInt());
    assertEquals("Big one", request.get("record").get("name").asText());
    assertTrue(request.get("yours").asBoolean());
    assertTrue(!request.get("recallable").asBoolean(), "the manager decides, she does not recall");
    assertEquals(
        "Big one asks to enter Won: it waits for your decision",
        latest(mia).body(),
        "the manager is told");
    assertEquals(
        List.of(),
        approvals.list(
            cfo, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10),
        "not the CFO's step yet");

    // locked: nobody changes it while it waits
    InvalidRequestException locked =
        assertThrows(
            InvalidRequestException.class, () -> update(sam, deal, Map.of("title", "Bigger")));
    assertEquals("approval.locked", locked.violations().get(0).code());
    assertEquals(List.of("Big deal sign-off"), locked.violations().get(0).args());
    assertThrows(InvalidRequestException.class, () -> update(admin, deal, Map.of("amount", 1)));
    assertThrows(
        InvalidRequestException.class,
        () -> records.delete(postgres.context(sam), "deal", deal, OptionalLong.empty()));

    // only the current step's approvers decide
    assertThrows(
        AccessDeniedException.class, () -> approvals.decide(sam, id, true, Optional.empty()));
    assertThrows(
        AccessDeniedException.class, () -> approvals.decide(cfo, id, true, Optional.empty()));
    assertThrows(
        NotFoundProblem.class,
        () -> approvals.decide(stranger, id, true, Optional.empty()),
        "a stranger does not see it");
    approvals.decide(mia, id, true, Optional.of("Good margin"));
    assertEquals("negotiation", postgres.column("deal", deal, "stage"));
    assertEquals(
        "Big one asks to enter Won: it waits for your decision",
        latest(cfo).body(),
        "the CFO is told it is theirs now");

    // a rejection needs its reason, and unlocks the record
    InvalidRequestException bare =
        assertThrows(
            InvalidRequestException.class,
            () -> approvals.decide(cfo, id, false, Optional.of("  ")));
    assertEquals("/comment", bare.violations().get(0).pointer());
    ObjectNode rejected = approvals.decide(cfo, id, false, Optional.of("Discount too deep"));
    assertEquals("rejected", rejected.get("state").asText());
    assertEquals(2, rejected.get("decisions").size());
    assertEquals("Discount too deep", rejected.get("decisions").get(1).get("comment").asText());
    assertEquals(
        "Big one was rejected by cfo: Discount too deep",
        latest(sam).body(),
        "the seller is told why");
    assertThrows(ConflictException.class, () -> approvals.decide(cfo, id, true, Optional.empty()));

    // each turn is on the record's timeline, newest first
    List<TimelineItem> turns =
        records.timeline(sam, "deal", deal, TimelineQuery.of(null, null, null)).items().stream()
            .filter(item -> item.approval().isPresent())
            .toList();
    assertEquals(
        List.of(
            TimelineItem.Event.APPROVAL_REJECTED,
            TimelineItem.Event.APPROVAL_APPROVED,
            TimelineItem.Event.APPROVAL_ASKED),
        turns.stream().map(TimelineItem::event).toList());
    assertEquals(
        new TimelineItem.Approval(
            "Big deal sign-off", Optional.of("won"), 2, 2, Optional.of("Discount too deep")),
        turns.get(0).approval().get());
    assertEquals("cfo", turns.get(0).actor().get().name());
    assertEquals(Optional.of("Good margin"), turns.get(1).approval().get().comment());
    assertEquals(1, turns.get(2).approval().get().step());
    assertEquals("sam", turns.get(2).actor().get().name());
    update(sam, deal, Map.of("amount", 4000));

    // asked again, approved by both: the deal is won, in the last approver's name
    CLOCK.advance(java.time.Duration.ofMinutes(10)); // notifications are read newest first
    update(sam, deal, Map.of("stage", "won"));
    UUID again =
        UUID.fromString(
            only(approvals.list(
                    mia,
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    10))
                .get("id")
                .asText());
    approvals.decide(mia, again, true, Optional.empty());
    ObjectNode approved = approvals.decide(cfo, again, true, Optional.of("OK"));
    assertEquals("approved", approved.get("state").asText());
    assertEquals("won", postgres.column("deal", deal, "stage"));
    assertEquals("Big one was approved by cfo and is now in Won", latest(sam).body());
    assertEquals(
        cfo.id(),
        postgres.query(
            "SELECT actor_id FROM relata.audit_entry WHERE record_id = '"
                + deal
                + "' ORDER BY id DESC LIMIT 1"));
    assertEquals(
        "big_deals",
        postgres.query(
            "SELECT detail->'because'->0->>'automation' FROM relata.audit_entry"
                + " WHERE record_id = '"
                + deal
                + "' ORDER BY id DESC LIMIT 1"));
    update(sam, deal, Map.of("title", "Big one, won"));
    assertEquals(
        2,
        approvals
            .list(
                admin,
                false,
                Optional.empty(),
                Optional.of("deal"),
                Optional.of(deal),
                Optional.empty(),
                10)
            .size(),
        "both requests, for whoever administers");
  }

  @Test
  void smallDealsPassAStraightCreateIntoTheStageIsRefusedAndARequestCanBeRecalled()
      throws Exception {
    UUID small = create(sam, "Small", 10);
    assertEquals("won", update(sam, small, Map.of("stage", "won")).values().get("stage"));
    InvalidRequestException straight =
        assertThrows(
            InvalidRequestException.class,
            () ->
                records.create(
                    postgres.context(sam),
                    "deal",
                    RecordInput.of(
                        Map.of(
                            "title",
                            "Won already",
                            "amount",
                            BigDecimal.valueOf(9000),
                            "stage",
                            "won"))));
    assertEquals("/stage", straight.violations().get(0).pointer());
    assertEquals("approval.create-in-stage", straight.violations().get(0).code());

    // a stage's guard: a condition the record must meet to enter it, said at the stage
    UUID free = create(sam, "Free", 0);
    InvalidRequestException guarded =
        assertThrows(
            InvalidRequestException.class, () -> update(sam, free, Map.of("stage", "negotiation")));
    assertEquals("/stage", guarded.violations().get(0).pointer());
    assertEquals("record.stage-guard", guarded.violations().get(0).code());
    assertEquals(
        List.of("A deal in negotiation needs its amount", "negotiation"),
        guarded.violations().get(0).args());
    update(sam, free, Map.of("amount", 10, "stage", "negotiation"));
    assertEquals("negotiation", postgres.column("deal", free, "stage"));

    UUID nobody = create(cfo, "Nobody decides", 3000);
    InvalidRequestException undecidable =
        assertThrows(
            InvalidRequestException.class, () -> update(cfo, nobody, Map.of("stage", "won")));
    assertEquals(
        "approval.no-approvers",
        undecidable.violations().get(0).code(),
        "the CFO has no manager: nobody could decide the first step");
    assertEquals("new", postgres.column("deal", nobody, "stage"));

    UUID asked = create(sam, "Recalled", 2000);
    update(sam, asked, Map.of("stage", "won"));
    UUID id =
        UUID.fromString(
            only(approvals.list(
                    sam,
                    false,
                    Optional.of("pending"),
                    Optional.of("deal"),
                    Optional.of(asked),
                    Optional.empty(),
                    10))
                .get("id")
                .asText());
    assertTrue(
        approvals.find(admin, id).get("recallable").asBoolean(), "an administrator recalls too");
    assertThrows(AccessDeniedException.class, () -> approvals.recall(mia, id), "not hers");
    assertEquals("recalled", approvals.recall(sam, id).get("state").asText());
    assertEquals(
        TimelineItem.Event.APPROVAL_RECALLED,
        records
            .timeline(sam, "deal", asked, TimelineQuery.of(null, "1", null))
            .items()
            .get(0)
            .event());
    update(sam, asked, Map.of("title", "Recalled, and changed"));
    assertEquals("new", postgres.column("deal", asked, "stage"));
  }

  @Test
  void theAskerDoesNotDecideTheirOwnRequestAndALockedDealHoldsItsCustomer() throws Exception {
    // separation of duties: Mia alone decides huge talks, so she cannot ask for her own
    UUID hers = create(mia, "Mia's huge one", 60000);
    InvalidRequestException own =
        assertThrows(
            InvalidRequestException.class, () -> update(mia, hers, Map.of("stage", "negotiation")));
    assertEquals("approval.no-approvers", own.violations().get(0).code());
    assertEquals(List.of("Huge talks", 1), own.violations().get(0).args());
    assertEquals("new", postgres.column("deal", hers, "stage"));

    UUID customer =
        records
            .create(postgres.context(sam), "customer", RecordInput.of(Map.of("name", "Nordic")))
            .id();
    UUID deal =
        records
            .create(
                postgres.context(sam),
                "deal",
                RecordInput.of(
                    Map.of(
                        "title",
                        "Nordic frame",
                        "amount",
                        BigDecimal.valueOf(60000),
                        "customer",
                        customer)))
            .id();
    update(sam, deal, Map.of("stage", "negotiation"));
    assertEquals("new", postgres.column("deal", deal, "stage"), "held for Mia's decision");

    // deleting the customer would take the locked deal to the recycle bin with it: refused
    InvalidRequestException held =
        assertThrows(
            InvalidRequestException.class,
            () ->
                records.delete(postgres.context(sam), "customer", customer, OptionalLong.empty()));
    assertEquals("approval.child-locked", held.violations().get(0).code());
    assertEquals(List.of("Deal", "Huge talks"), held.violations().get(0).args());
    assertEquals(null, postgres.column("customer", customer, "deleted_at"));
    assertEquals(null, postgres.column("deal", deal, "deleted_at"));

    UUID id =
        UUID.fromString(
            only(approvals.list(
                    mia,
                    true,
                    Optional.empty(),
                    Optional.of("deal"),
                    Optional.of(deal),
                    Optional.empty(),
                    10))
                .get("id")
                .asText());
    approvals.decide(mia, id, true, Optional.empty());
    assertEquals("negotiation", postgres.column("deal", deal, "stage"));
    records.delete(postgres.context(sam), "customer", customer, OptionalLong.empty());
    assertTrue(postgres.column("deal", deal, "deleted_at") != null, "decided: it goes with it");
  }

  private static ObjectNode only(List<ObjectNode> list) {
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }

  private static Notification latest(Actor actor) throws Exception {
    return notifications.of(actor.id(), Optional.empty(), 1).get(0);
  }

  private static UUID create(Actor actor, String title, int amount) {
    return records
        .create(
            postgres.context(actor),
            "deal",
            RecordInput.of(Map.of("title", title, "amount", BigDecimal.valueOf(amount))))
        .id();
  }

  private static StoredRecord update(Actor actor, UUID id, Map<String, Object> changes) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    changes.forEach(
        (name, value) ->
            typed.put(name, value instanceof Integer n ? BigDecimal.valueOf(n) : value));
    return records.update(
        postgres.context(actor), "deal", id, RecordInput.of(typed), OptionalLong.empty());
  }
}
