package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.Actor;
import io.relata.platform.rest.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A record's timeline: who may read it, and what of it they see. */
class RecordTimelineIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;
  private static Actor seller;
  private static Actor outsider;
  private static UUID deal;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'deal','label':'Deal','nameField':'title','recordAccess':'private',"
                        + "'fields':["
                        + "{'name':'title','label':'Title','type':'text','trackHistory':true},"
                        + "{'name':'amount','label':'Amount','type':'number','scale':2,"
                        + "'trackHistory':true},"
                        + "{'name':'secret','label':'Secret','type':'number','scale':2,"
                        + "'trackHistory':true},"
                        + "{'name':'note','label':'Note','type':'text'}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'new','label':'New','probability':10,'category':'open'},"
                        + "{'name':'open','label':'Open','probability':50,'category':'open'},"
                        + "{'name':'won','label':'Won','probability':100,'category':'won'}]}}")),
            List.of(
                json(
                    "{'name':'seller','label':'Seller','objects':{'deal':{'read':true,"
                        + "'create':true,'edit':true,'fields':{'secret':'hidden'}}}}")),
            CLOCK);
    admin = postgres.user("admin", "administrator");
    seller = postgres.user("seller", "seller");
    outsider = postgres.user("outsider", "seller");
    records = postgres.service(List.of());
    deal =
        records
            .create(
                postgres.context(seller),
                "deal",
                RecordInput.of(
                    Map.of("title", "Big deal", "amount", new BigDecimal("10.00"), "stage", "new")))
            .id();
    update(admin, Map.of("secret", new BigDecimal("7.00")));
    update(admin, Map.of("amount", new BigDecimal("20.00"), "secret", new BigDecimal("8.00")));
    update(admin, Map.of("note", "Called them"));
    update(seller, Map.of("stage", "open"));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theReaderSeesTheHistoryNewestFirstWithoutWhatTheyMayNotSee() {
    List<TimelineItem> items =
        records.timeline(seller, "deal", deal, TimelineQuery.first()).items();

    assertEquals(
        List.of(
            TimelineItem.Event.STAGE_CHANGED,
            TimelineItem.Event.UPDATED,
            TimelineItem.Event.UPDATED,
            TimelineItem.Event.CREATED),
        items.stream().map(TimelineItem::event).toList(),
        "the change of the hidden field alone is no item");
    TimelineItem stage = items.get(0);
    assertEquals(List.of(new TimelineItem.Change("stage", "new", "open")), stage.changes());
    assertEquals(seller.id(), stage.actor().orElseThrow().id());
    assertEquals(List.of("note"), items.get(1).fields());
    assertEquals(List.of(), items.get(1).changes(), "an untracked field is named, not valued");
    TimelineItem both = items.get(2);
    assertEquals(List.of("amount"), both.fields(), "the hidden field is not named");
    assertEquals(
        List.of(
            new TimelineItem.Change("amount", new BigDecimal("10.00"), new BigDecimal("20.00"))),
        both.changes());
    assertEquals("admin", both.actor().orElseThrow().name());
    TimelineItem created = items.get(3);
    assertTrue(created.changes().contains(new TimelineItem.Change("owner_id", null, seller.id())));
    assertFalse(items.stream().anyMatch(i -> mentions(i, "secret")));
  }

  @Test
  void whoSeesTheFieldSeesItsChanges() {
    List<TimelineItem> items = records.timeline(admin, "deal", deal, TimelineQuery.first()).items();

    assertEquals(5, items.size());
    assertEquals(
        List.of(new TimelineItem.Change("secret", null, new BigDecimal("7.00"))),
        items.get(3).changes());
  }

  @Test
  void aRecordTheReaderMayNotReadHasNoTimeline() {
    RecordNotFoundException hidden =
        assertThrows(
            RecordNotFoundException.class,
            () -> records.timeline(outsider, "deal", deal, TimelineQuery.first()));
    RecordNotFoundException missing =
        assertThrows(
            RecordNotFoundException.class,
            () -> records.timeline(admin, "deal", UUID.randomUUID(), TimelineQuery.first()));
    assertEquals(missing.code(), hidden.code(), "no existence oracle");
  }

  @Test
  void pagesFollowTheirCursorAndWrongParametersAreNamed() {
    List<String> ids = new ArrayList<>();
    TimelineQuery query = TimelineQuery.of(null, "2", null);
    TimelinePage page;
    do {
      page = records.timeline(admin, "deal", deal, query);
      page.items().forEach(item -> ids.add(item.id()));
      query = TimelineQuery.of("history", "2", page.nextCursor().orElse(null));
    } while (page.nextCursor().isPresent());
    assertEquals(
        records.timeline(admin, "deal", deal, TimelineQuery.first()).items().stream()
            .map(TimelineItem::id)
            .toList(),
        ids);

    InvalidRequestException wrong =
        assertThrows(InvalidRequestException.class, () -> TimelineQuery.of("Mail!", "0", "x"));
    assertEquals(
        List.of("kind query.timeline-kind", "limit query.limit", "cursor query.cursor"),
        wrong.violations().stream().map(v -> v.pointer() + " " + v.code()).toList());
    InvalidRequestException unknown =
        assertThrows(
            InvalidRequestException.class,
            () -> records.timeline(admin, "deal", deal, TimelineQuery.of("mail", null, null)));
    assertEquals(
        List.of("mail", "history, activity"),
        unknown.violations().get(0).args(),
        "without an activity object, there are no kinds of activity");
  }

  @Test
  void aRecordInTheRecycleBinHasNoTimelineAndOneRestoredShowsItsMovesAndItsNewOwner() {
    UUID moved =
        records
            .create(postgres.context(seller), "deal", RecordInput.of(Map.of("title", "Moved")))
            .id();
    records.delete(postgres.context(admin), "deal", moved, OptionalLong.empty());
    assertThrows(
        RecordNotFoundException.class,
        () -> records.timeline(seller, "deal", moved, TimelineQuery.first()),
        "like reading it");

    records.restore(postgres.context(admin), "deal", moved);
    records.update(
        postgres.context(admin),
        "deal",
        moved,
        RecordInput.of(Map.of("owner_id", outsider.id().toString())),
        OptionalLong.empty());
    List<TimelineItem> items =
        records.timeline(outsider, "deal", moved, TimelineQuery.first()).items();
    assertEquals(
        List.of(
            TimelineItem.Event.OWNER_CHANGED,
            TimelineItem.Event.RESTORED,
            TimelineItem.Event.DELETED,
            TimelineItem.Event.CREATED),
        items.stream().map(TimelineItem::event).toList());
    assertEquals(
        List.of(new TimelineItem.Change("owner_id", seller.id(), outsider.id())),
        items.get(0).changes());
    assertThrows(
        RecordNotFoundException.class,
        () -> records.timeline(seller, "deal", moved, TimelineQuery.first()),
        "the former owner reads the record no longer, nor its history");
  }

  private static boolean mentions(TimelineItem item, String field) {
    return item.fields().contains(field)
        || item.changes().stream().anyMatch(change -> change.field().equals(field));
  }

  private static void update(Actor actor, Map<String, Object> values) {
    records.update(
        postgres.context(actor), "deal", deal, RecordInput.of(values), OptionalLong.empty());
  }
}
