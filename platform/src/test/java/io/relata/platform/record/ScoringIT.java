package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.automation.ScoreLocks;
import io.relata.platform.automation.Scores;
import io.relata.platform.identity.Actor;
import io.relata.platform.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead scoring on a real PostgreSQL: fit and engagement points, the explanation on the timeline,
 * decay with a controllable clock, and a threshold crossed by three activities that creates exactly
 * one follow-up task, also when the three arrive at once.
 */
class ScoringIT {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
  private static final List<String> ACTIVITIES =
      List.of("whitepaper", "pricing_page", "contact_form");

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor seller;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                activity(),
                json(
                    "{'name':'lead','label':'Lead','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text'},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'score','label':'Score','type':'number','scale':0}]}")),
            List.of(),
            Map.of(
                DocumentKinds.SCORING_MODELS,
                List.of(
                    json(
                        "{'name':'lead_score','label':'Lead score','object':'lead',"
                            + "'field':'score',"
                            + "'fit':[{'label':'Large','condition':'users >= 500','points':5}],"
                            + "'engagement':[{'kind':'whitepaper','points':10},"
                            + "{'kind':'pricing_page','points':20},"
                            + "{'kind':'contact_form','points':50}],"
                            + "'decay':{'halfLife':'P30D'},"
                            + "'thresholds':[{'score':60,'label':'Sales ready','actions':["
                            + "{'type':'task','subject':'Follow up: sales ready','due':'P1D'}]}]}"))),
            CLOCK);
    seller = postgres.user("seller", "administrator");
    records = postgres.service(List.of(new ScoreLocks(), new Scores(postgres.automating())));
  }

  /** Relata's activity object, with the kinds a marketing site logs. */
  private static JsonNode activity() {
    ObjectNode activity = RecordsOnPostgres.activity();
    for (JsonNode field : activity.get("fields")) {
      if (field.get("name").asText().equals("kind")) {
        for (String kind : ACTIVITIES) {
          ((ArrayNode) field.get("values")).addObject().put("name", kind).put("label", kind);
        }
      }
    }
    return activity;
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void threeActivitiesCrossTheThresholdOnceWithTheScoreExplainedOnTheTimeline() {
    UUID lead = lead("Acme");
    log(lead, "whitepaper");
    assertEquals(10, score(lead));
    log(lead, "pricing_page");
    assertEquals(30, score(lead));
    assertEquals(0, followUps(lead));
    log(lead, "contact_form");
    assertEquals(80, score(lead));
    assertEquals(1, followUps(lead), "the threshold of 60 is crossed once");
    assertEquals(
        seller.id(),
        postgres.query(
            "SELECT owner_id FROM records.activity WHERE kind = 'task' AND about->>'id' = '"
                + lead
                + "'"),
        "for the lead's owner");
    log(lead, "whitepaper");
    assertEquals(90, score(lead));
    assertEquals(1, followUps(lead), "above the threshold already");

    TimelineItem.Because why =
        records.timeline(seller, "lead", lead, TimelineQuery.first()).items().stream()
            .flatMap(item -> item.because().stream())
            .filter(b -> b.score().isPresent())
            .findFirst()
            .orElseThrow();
    assertEquals("lead_score", why.automation());
    assertEquals(Optional.of(90L), why.score());
    assertEquals(
        List.of("whitepaper 2 20", "pricing_page 1 20", "contact_form 1 50"),
        why.points().stream()
            .map(p -> p.kind().orElse("") + " " + p.count().orElse(0) + " " + p.points())
            .toList());
  }

  @Test
  void threeActivitiesAtOnceCreateExactlyOneFollowUp() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 10; round++) {
        UUID lead = lead("Concurrent " + round);
        CyclicBarrier start = new CyclicBarrier(3);
        List<CompletableFuture<Void>> logged = new ArrayList<>();
        for (String kind : ACTIVITIES) {
          logged.add(
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    log(lead, kind);
                  },
                  pool));
        }
        CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new)).join();
        assertEquals(80, score(lead), "round " + round);
        assertEquals(1, followUps(lead), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void engagementHalvesEveryHalfLifeAndFitCounts() {
    UUID lead = lead("Aging");
    log(lead, "contact_form");
    assertEquals(50, score(lead));
    CLOCK.advance(Duration.ofDays(30));
    records.update(
        postgres.context(seller),
        "lead",
        lead,
        RecordInput.of(Map.of("users", new BigDecimal("600"))),
        OptionalLong.empty());
    assertEquals(25 + 5, score(lead), "half the contact form, and the fit of a large lead");
    assertTrue(followUps(lead) == 0);
  }

  private static UUID lead(String company) {
    return records
        .create(postgres.context(seller), "lead", RecordInput.of(Map.of("company", company)))
        .id();
  }

  private static void log(UUID lead, String kind) {
    records.create(
        postgres.context(seller),
        "activity",
        RecordInput.of(
            Map.of(
                "kind",
                kind,
                "subject",
                kind,
                "about",
                Map.of("object", "lead", "id", lead.toString()))));
  }

  private static long score(UUID lead) {
    Object score = postgres.column("lead", lead, "score");
    return score == null ? 0 : ((BigDecimal) score).longValueExact();
  }

  private static long followUps(UUID lead) {
    return (Long)
        postgres.query(
            "SELECT count(*) FROM records.activity WHERE kind = 'task' AND about->>'id' = '"
                + lead
                + "'");
  }
}
