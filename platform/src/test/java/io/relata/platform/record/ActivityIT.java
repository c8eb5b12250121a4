package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.identity.Actor;
import io.relata.platform.metadata.CoreDocuments;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The activity object: notes, tasks, calls, meetings and emails about any record, read where that
 * record is read, and shown in its timeline among its history.
 */
class ActivityIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;
  private static Actor seller;
  private static Actor colleague;
  private static Actor auditor;
  private static Actor viewer;

  @BeforeAll
  static void start() throws Exception {
    List<JsonNode> objects = new ArrayList<>(CoreDocuments.objects());
    objects.add(
        json(
            "{'name':'deal','label':'Deal','nameField':'title','recordAccess':'private',"
                + "'fields':[{'name':'title','label':'Title','type':'text'}]}"));
    objects.add(
        json(
            "{'name':'account','label':'Account','nameField':'title','recordAccess':'read',"
                + "'fields':[{'name':'title','label':'Title','type':'text'}]}"));
    objects.add(
        json(
            "{'name':'memo','label':'Memo','nameField':'title','recordAccess':'read-write',"
                + "'fields':[{'name':'title','label':'Title','type':'text'}]}"));
    String all = "{'read':true,'create':true,'edit':true,'delete':true}";
    postgres =
        RecordsOnPostgres.start(
            objects,
            List.of(
                json(
                    "{'name':'seller','label':'Seller','objects':{'deal':"
                        + all
                        + ",'account':"
                        + all
                        + ",'activity':"
                        + all
                        + "}}"),
                json(
                    "{'name':'auditor','label':'Auditor','objects':{"
                        + "'deal':{'read':true,'viewAll':true},"
                        + "'activity':{'read':true,'fields':{'body':'hidden'}}}}"),
                json(
                    "{'name':'viewer','label':'Viewer','objects':{'memo':{'read':true},"
                        + "'activity':"
                        + all
                        + "}}")),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    seller = postgres.user("seller", "seller");
    colleague = postgres.user("colleague", "seller");
    auditor = postgres.user("auditor", "auditor");
    viewer = postgres.user("viewer", "viewer");
    records = postgres.service(List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void activitiesJoinTheHistoryNewestFirstAndFilterByKind() {
    UUID deal = create(seller, "deal", Map.of("title", "Big deal"));
    UUID call = log(seller, deal, "call", "Intro call", "2026-12-01T10:00:00Z");
    UUID task = log(seller, deal, "task", "Send the offer", "2026-12-10T12:00:00Z");
    UUID note = log(seller, deal, "note", "They want a discount", null);

    List<TimelineItem> items =
        records.timeline(seller, "deal", deal, TimelineQuery.first()).items();

    assertEquals(
        List.of("a" + task, "created", "a" + note, "a" + call),
        items.stream().map(ActivityIT::label).toList(),
        "a task due later is on top; at the same instant the history comes first");
    TimelineItem.Activity offer = items.get(0).activity().orElseThrow();
    assertEquals("task", offer.values().get("kind"));
    assertEquals("Send the offer", offer.values().get("subject"));
    assertEquals(OffsetDateTime.parse("2026-12-10T12:00:00Z"), offer.values().get("due"));
    assertEquals(false, offer.values().get("done"));
    assertEquals("seller", offer.owner().orElseThrow().name());
    assertEquals(seller.id(), items.get(0).actor().orElseThrow().id());

    assertEquals(List.of("a" + call), labels(seller, deal, "call"));
    assertEquals(List.of("created"), labels(seller, deal, "history"));
    assertEquals(List.of("a" + task, "a" + note, "a" + call), labels(seller, deal, "activity"));
    assertEquals(List.of("a" + task, "created"), labels(seller, deal, "task,history"));
    InvalidRequestException unknown =
        assertThrows(
            InvalidRequestException.class,
            () -> records.timeline(seller, "deal", deal, TimelineQuery.of("fax", null, null)));
    assertEquals(
        List.of("fax", "history, activity, note, task, call, meeting, email"),
        unknown.violations().get(0).args());
  }

  @Test
  void pagesWalkTheHistoryAndTheActivitiesTogether() {
    UUID deal = create(seller, "deal", Map.of("title", "Paged"));
    for (int i = 1; i <= 4; i++) {
      log(seller, deal, "call", "Call " + i, "2026-12-0" + i + "T10:00:00Z");
      records.update(
          postgres.context(seller),
          "deal",
          deal,
          RecordInput.of(Map.of("title", "Paged " + i)),
          OptionalLong.empty());
    }
    List<String> all =
        records.timeline(seller, "deal", deal, TimelineQuery.first()).items().stream()
            .map(TimelineItem::id)
            .toList();
    assertEquals(9, all.size());

    for (int size = 1; size <= 4; size++) {
      List<String> walked = new ArrayList<>();
      TimelineQuery query = TimelineQuery.of(null, String.valueOf(size), null);
      TimelinePage page;
      do {
        page = records.timeline(seller, "deal", deal, query);
        assertTrue(page.items().size() <= size);
        page.items().forEach(item -> walked.add(item.id()));
        query = TimelineQuery.of(null, String.valueOf(size), page.nextCursor().orElse(null));
      } while (page.nextCursor().isPresent());
      assertEquals(all, walked, "pages of " + size);
    }
  }

  @Test
  void anActivityIsReadOnlyWhereItsRecordIsRead() {
    UUID deal = create(seller, "deal", Map.of("title", "Private deal"));
    UUID note = log(seller, deal, "note", "Secret plans", null);

    assertThrows(
        RecordNotFoundException.class,
        () -> records.read(colleague, "activity", note, List.of()),
        "the colleague may not read the deal");
    assertFalse(ids(colleague).contains(note));
    assertTrue(ids(seller).contains(note));
    assertThrows(
        RecordNotFoundException.class,
        () -> records.timeline(colleague, "deal", deal, TimelineQuery.first()));

    for (Map<String, Object> about :
        List.of(
            Map.<String, Object>of("object", "deal", "id", deal.toString()),
            Map.<String, Object>of("object", "deal", "id", UUID.randomUUID().toString()),
            Map.<String, Object>of("object", "nothing", "id", deal.toString()),
            Map.<String, Object>of("object", "activity", "id", note.toString()))) {
      InvalidRequestException refused =
          assertThrows(
              InvalidRequestException.class,
              () ->
                  records.create(
                      postgres.context(colleague),
                      "activity",
                      RecordInput.of(Map.of("subject", "Sneaky", "about", about))),
              about.toString());
      assertEquals(
          List.of("/about record.reference-missing"),
          refused.violations().stream().map(v -> v.pointer() + " " + v.code()).toList(),
          "the same answer whether the record is out of reach, missing or no record at all");
    }
    InvalidRequestException malformed =
        assertThrows(
            InvalidRequestException.class,
            () ->
                records.create(
                    postgres.context(seller),
                    "activity",
                    RecordInput.of(
                        Map.of("subject", "Odd", "about", Map.of("id", deal.toString())))));
    assertEquals("/about/object", malformed.violations().get(0).pointer());
  }

  @Test
  void theOwnerEditsTheirActivityOnARecordTheyMayOnlyRead() {
    UUID account = create(seller, "account", Map.of("title", "Acme"));
    UUID sellersNote = log(seller, account, "account", "note", "Key account", null);
    UUID colleaguesCall = log(colleague, account, "account", "call", "Called Acme", null);

    records.update(
        postgres.context(colleague),
        "activity",
        colleaguesCall,
        RecordInput.of(Map.of("done", true)),
        OptionalLong.empty());
    assertThrows(
        AccessDeniedException.class,
        () ->
            records.update(
                postgres.context(colleague),
                "activity",
                sellersNote,
                RecordInput.of(Map.of("subject", "Mine now")),
                OptionalLong.empty()),
        "the colleague reads the account but may not edit it, nor the seller's note");
    records.update(
        postgres.context(seller),
        "activity",
        colleaguesCall,
        RecordInput.of(Map.of("subject", "Called Acme about renewal")),
        OptionalLong.empty());
    assertEquals(
        "Called Acme about renewal",
        records.read(colleague, "activity", colleaguesCall, List.of()).values().get("subject"),
        "whoever edits the account edits what is logged on it");
  }

  @Test
  void theRightToEditTheRecordIsNeededToEditOthersActivitiesOnIt() {
    UUID memo = create(admin, "memo", Map.of("title", "Open to all"));
    UUID adminsNote = log(admin, memo, "memo", "note", "Everyone may edit the memo", null);
    UUID viewersNote = log(viewer, memo, "memo", "note", "I only read memos", null);

    records.update(
        postgres.context(viewer),
        "activity",
        viewersNote,
        RecordInput.of(Map.of("subject", "I only read memos, but log notes")),
        OptionalLong.empty());
    assertThrows(
        AccessDeniedException.class,
        () ->
            records.update(
                postgres.context(viewer),
                "activity",
                adminsNote,
                RecordInput.of(Map.of("subject", "Changed")),
                OptionalLong.empty()),
        "the memo is open to edits, but the viewer holds no edit right on memos");

    UUID account = create(seller, "account", Map.of("title", "Readable to all who read accounts"));
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> log(viewer, account, "account", "note", "No right on accounts", null));
    assertEquals("/about", refused.violations().get(0).pointer());
  }

  @Test
  void aFieldHiddenFromTheReaderIsAbsentFromTheTimeline() {
    UUID deal = create(seller, "deal", Map.of("title", "Watched"));
    records.create(
        postgres.context(seller),
        "activity",
        RecordInput.of(
            Map.of(
                "subject", "Minutes",
                "kind", "meeting",
                "body", "<p>Budget is 40k</p>",
                "about", Map.of("object", "deal", "id", deal.toString()))));

    Map<String, Object> seen =
        records
            .timeline(auditor, "deal", deal, TimelineQuery.of("activity", null, null))
            .items()
            .get(0)
            .activity()
            .orElseThrow()
            .values();
    assertEquals("Minutes", seen.get("subject"));
    assertFalse(seen.containsKey("body"), "the auditor may not see an activity's body");
    assertEquals(
        "<p>Budget is 40k</p>",
        records
            .timeline(seller, "deal", deal, TimelineQuery.of("activity", null, null))
            .items()
            .get(0)
            .activity()
            .orElseThrow()
            .values()
            .get("body"));
  }

  @Test
  void activitiesFollowTheirRecordIntoTheRecycleBinOutOfItAndAway() {
    UUID deal = create(seller, "deal", Map.of("title", "Short-lived"));
    UUID first = log(seller, deal, "note", "First", null);
    UUID second = log(seller, deal, "task", "Second", null);

    records.delete(postgres.context(seller), "deal", deal, OptionalLong.empty());
    assertTrue(postgres.column("activity", first, "deleted_at") != null);
    assertTrue(postgres.column("activity", second, "deleted_at") != null);
    assertFalse(ids(seller).contains(first));

    records.restore(postgres.context(seller), "deal", deal);
    assertEquals(null, postgres.column("activity", first, "deleted_at"));
    assertTrue(ids(seller).contains(second));

    records.delete(postgres.context(seller), "deal", deal, OptionalLong.empty());
    records.purge(postgres.context(seller), "deal", deal);
    assertEquals(
        0L,
        postgres.query(
            "SELECT count(*) FROM records.activity WHERE id IN ('"
                + first
                + "', '"
                + second
                + "')"));
  }

  private static UUID create(Actor actor, String object, Map<String, Object> values) {
    return records.create(postgres.context(actor), object, RecordInput.of(values)).id();
  }

  private static UUID log(Actor actor, UUID deal, String kind, String subject, String due) {
    return log(actor, deal, "deal", kind, subject, due);
  }

  private static UUID log(
      Actor actor, UUID record, String object, String kind, String subject, String due) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("kind", kind);
    values.put("subject", subject);
    values.put("about", Map.of("object", object, "id", record.toString()));
    if (due != null) {
      values.put("due", due);
    }
    return create(actor, "activity", values);
  }

  private static List<String> labels(Actor actor, UUID deal, String kind) {
    return records
        .timeline(actor, "deal", deal, TimelineQuery.of(kind, null, null))
        .items()
        .stream()
        .map(ActivityIT::label)
        .toList();
  }

  private static String label(TimelineItem item) {
    return item.activity().isPresent()
        ? item.id()
        : item.event().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<UUID> ids(Actor actor) {
    RecordQuery everything =
        new RecordQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            200,
            Optional.empty(),
            List.of(),
            false);
    return records.list(actor, "activity", everything, false).items().stream()
        .map(item -> UUID.fromString(item.get("id").asText()))
        .toList();
  }
}
