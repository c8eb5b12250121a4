package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.automation.ScheduledAutomations;
import io.relata.platform.automation.ScoreLocks;
import io.relata.platform.automation.Scores;
import io.relata.platform.identity.Actor;
import io.relata.platform.job.JobHandlers;
import io.relata.platform.job.JobQueue;
import io.relata.platform.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automations on a schedule and the nightly rescore of decaying scores, on a real PostgreSQL with a
 * controllable clock: Monday 08:00 in Stockholm comes once, for the records the condition holds for
 * then, in batches (of 2 here); the next Monday is queued by the run; a score halves with its
 * half-life overnight.
 */
class ScheduledAutomationsIT {

  /** Saturday 5 December 2026, 10:00 UTC. */
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static ScheduledAutomations schedules;
  private static JobQueue jobs;
  private static Actor seller;

  @BeforeAll
  static void start() throws Exception {
    ObjectNode activity = RecordsOnPostgres.activity();
    for (JsonNode field : activity.get("fields")) {
      if (field.get("name").asText().equals("kind")) {
        ((ArrayNode) field.get("values"))
            .addObject()
            .put("name", "webinar")
            .put("label", "Webinar");
      }
    }
    postgres =
        RecordsOnPostgres.start(
            List.of(
                activity,
                json(
                    "{'name':'lead','label':'Lead','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text'},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'nudged','label':'Nudged','type':'number'},"
                        + "{'name':'score','label':'Score','type':'number','scale':0}]}")),
            List.of(),
            Map.of(
                DocumentKinds.AUTOMATIONS,
                List.of(
                    json(
                        "{'name':'monday_nudge','label':'Monday nudge','object':'lead',"
                            + "'trigger':{'type':'schedule','at':'08:00',"
                            + "'zone':'Europe/Stockholm','days':['monday']},"
                            + "'condition':'users > 10',"
                            + "'actions':[{'type':'set','formulas':{'nudged':'nudged + 1'}}]}")),
                DocumentKinds.SCORING_MODELS,
                List.of(
                    json(
                        "{'name':'interest','label':'Interest','object':'lead','field':'score',"
                            + "'engagement':[{'kind':'webinar','points':40}],"
                            + "'decay':{'halfLife':'P1D'}}"))),
            CLOCK);
    seller = postgres.user("seller", "administrator");
    records = postgres.service(List.of(new ScoreLocks(), new Scores(postgres.automating())));
    JobQueue queueing = new JobQueue(postgres.dataSource(), CLOCK, new JobHandlers(List.of()));
    schedules =
        new ScheduledAutomations(
            postgres.dataSource(),
            records,
            new CompiledObjects(() -> postgres.model()),
            queueing,
            postgres.automating(),
            2);
    jobs = new JobQueue(postgres.dataSource(), CLOCK, new JobHandlers(List.of(schedules)));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void mondayMorningComesOnceForItsRecordsAndEachNightDecaysTheScores() throws Exception {
    UUID big = lead("Big", 100, 0);
    UUID small = lead("Small", 5, 0);
    lead("Also big", 11, 0);
    lead("Big too", 12, 0);
    assertEquals(2, schedules.plan(CLOCK.instant()), "Monday's nudge and tonight's rescore");
    assertEquals(0, schedules.plan(CLOCK.instant()), "planned once, however often asked");
    assertEquals(
        "2026-12-07T07:00:00Z",
        postgres.query(
            "SELECT payload->>'due' FROM relata.job WHERE payload->>'name' = 'monday_nudge'"),
        "08:00 in Stockholm, in winter");

    CLOCK.advance(Duration.parse("PT44H59M")); // Monday 06:59 UTC
    jobs.drain(); // tonight's rescore, nothing else
    assertEquals(BigDecimal.ZERO, postgres.column("lead", big, "nudged"));
    CLOCK.advance(Duration.ofMinutes(1));
    assertEquals(2, jobs.drain(), "3 records: a batch of 2, then one of 1");
    assertEquals(
        0, new BigDecimal("1").compareTo((BigDecimal) postgres.column("lead", big, "nudged")));
    assertEquals(BigDecimal.ZERO, postgres.column("lead", small, "nudged"), "5 users: not held");
    assertEquals(
        3L,
        postgres.query("SELECT count(*) FROM records.\"lead\" WHERE nudged = 1"),
        "each held record nudged once, over both batches");
    assertEquals(
        3L,
        postgres.query("SELECT count(*) FROM relata.job WHERE payload->>'name' = 'monday_nudge'"),
        "the second batch, and the next Monday");
    assertEquals(
        1L,
        postgres.query(
            "SELECT count(*) FROM relata.job WHERE payload->>'name' = 'monday_nudge'"
                + " AND payload->>'due' = '2026-12-14T07:00:00Z' AND state = 'ready'"));
    assertEquals(0, jobs.drain(), "Monday comes once");

    // a score decays with its half-life: each night computes it again
    UUID lead = lead("Webinar fan", 1, 0);
    records.create(
        postgres.context(seller),
        "activity",
        RecordInput.of(
            Map.of(
                "kind",
                "webinar",
                "subject",
                "Webinar",
                "about",
                Map.of("object", "lead", "id", lead.toString()))));
    BigDecimal first = (BigDecimal) postgres.column("lead", lead, "score");
    assertEquals(0, first.compareTo(new BigDecimal(40)), first.toString());
    CLOCK.advance(Duration.ofDays(2)); // Wednesday 07:00: two nights have passed
    assertEquals(2, jobs.drain(), "the nights of Tuesday and Wednesday");
    BigDecimal decayed = (BigDecimal) postgres.column("lead", lead, "score");
    assertEquals(0, decayed.compareTo(new BigDecimal(10)), "two half-lives: " + decayed);
  }

  private static UUID lead(String company, int users, int nudged) {
    return records
        .create(
            postgres.context(seller),
            "lead",
            RecordInput.of(
                Map.of(
                    "company",
                    company,
                    "users",
                    BigDecimal.valueOf(users),
                    "nudged",
                    BigDecimal.valueOf(nudged))))
        .id();
  }
}
