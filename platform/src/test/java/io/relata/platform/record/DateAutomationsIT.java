package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.automation.AfterSaveAutomations;
import io.relata.platform.automation.DateAutomationJob;
import io.relata.platform.automation.DateAutomationPlan;
import io.relata.platform.automation.DateTriggers;
import io.relata.platform.automation.Replanning;
import io.relata.platform.identity.Actor;
import io.relata.platform.job.JobHandlers;
import io.relata.platform.job.JobQueue;
import io.relata.platform.testing.MutableClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automations that wait for a record's date, on a real PostgreSQL with a controllable clock: the
 * write schedules a job in its transaction, and when the moment comes the job runs the actions
 * once, in the platform's name, unless the date moved or the condition no longer holds.
 */
class DateAutomationsIT {

  /** A change of no object: its plan has no steps. */
  private static final io.relata.platform.schema.SchemaPlan NO_DDL =
      new io.relata.platform.schema.SchemaPlan(java.util.List.of(), java.util.Map.of());

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static JobQueue jobs;
  private static Actor seller;
  private static JobQueue scheduling;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                RecordsOnPostgres.activity(),
                json(
                    "{'name':'deal','label':'Deal','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'amount','label':'Amount','type':'number'},"
                        + "{'name':'close_date','label':'Close date','type':'date'},"
                        + "{'name':'reminded','label':'Reminded','type':'boolean'}]}")),
            List.of(),
            Map.of(
                DocumentKinds.AUTOMATIONS,
                List.of(
                    json(
                        "{'name':'before_close','label':'Before it closes','object':'deal',"
                            + "'trigger':{'type':'date','field':'close_date','offset':'-P3D'},"
                            + "'condition':'amount > 0',"
                            + "'actions':[{'type':'set','values':{'reminded':true}},"
                            + "{'type':'task','subject':'Call before it closes','due':'P1D'}]}"))),
            CLOCK);
    seller = postgres.user("seller", "administrator");
    scheduling = new JobQueue(postgres.dataSource(), CLOCK, new JobHandlers(List.of()));
    records =
        postgres.service(
            List.of(new DateTriggers(scheduling), new AfterSaveAutomations(postgres.automating())));
    jobs =
        new JobQueue(
            postgres.dataSource(),
            CLOCK,
            new JobHandlers(
                List.of(
                    new DateAutomationJob(records, postgres.automating()),
                    new DateAutomationPlan(
                        new CompiledObjects(() -> postgres.model()), scheduling))));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aDateComesOnceAndOnlyForTheRecordsItStillHolds() throws Exception {
    UUID kept = create("Kept", "2026-12-20", 100).id();
    UUID moved = create("Moved", "2026-12-20", 100).id();
    UUID dropped = create("Dropped", "2026-12-20", 100).id();
    UUID undated = create("Undated", null, 100).id();
    UUID longAgo = create("Long ago", "2026-10-01", 100).id();
    assertEquals(
        0L,
        postgres.query(
            "SELECT count(*) FROM relata.job WHERE payload->>'record' = '" + longAgo + "'"),
        "a moment further back than finished jobs are kept is not scheduled: it may have run");
    update(moved, Map.of("close_date", LocalDate.parse("2026-12-25")));
    update(dropped, Map.of("amount", BigDecimal.ZERO));
    update(kept, Map.of("title", "Kept still"));

    assertEquals(0, jobs.drain(), "nothing is due yet");
    CLOCK.advance(Duration.parse("PT277H59M")); // 16 Dec 23:59
    assertEquals(0, jobs.drain(), "a minute early");
    CLOCK.advance(Duration.ofMinutes(1)); // 17 Dec 00:00: three days before the 20th
    assertEquals(3, jobs.drain(), "kept, and the old dates of moved and dropped");
    assertEquals(Boolean.TRUE, postgres.column("deal", kept, "reminded"));
    assertNull(postgres.column("deal", moved, "reminded"), "its date moved on");
    assertNull(postgres.column("deal", dropped, "reminded"), "the condition no longer holds");
    assertNull(postgres.column("deal", undated, "reminded"));
    assertEquals(1L, tasks(kept));
    assertEquals(
        Actor.PLATFORM_ID,
        postgres.query(
            "SELECT created_by FROM records.activity WHERE about->>'id' = '" + kept + "'"),
        "in the platform's name");

    CLOCK.advance(Duration.ofDays(5)); // 22 Dec: three days before the 25th
    assertEquals(1, jobs.drain());
    assertEquals(Boolean.TRUE, postgres.column("deal", moved, "reminded"));
    assertEquals(1L, tasks(moved));
    assertEquals(0, jobs.drain(), "each ran once");
    assertEquals(1L, tasks(kept));
    assertEquals(
        0L,
        postgres.query("SELECT count(*) FROM relata.job WHERE state <> 'done'"),
        "none left over or dead");

    // a date automation made now is scheduled for the records stored before, for moments to come
    UUID next = create("Next year", "2027-01-20", 100).id();
    CompiledModel before = postgres.model();
    List<JsonNode> automations = new ArrayList<>(before.automations().documents());
    automations.add(
        json(
            "{'name':'after_close','label':'After it closed','object':'deal',"
                + "'trigger':{'type':'date','field':'close_date','offset':'P1D'},"
                + "'actions':[{'type':'task','subject':'Ask how it went'}]}"));
    CompiledModel after = postgres.change(DocumentKinds.AUTOMATIONS, automations);
    // the next revision changes nothing of it: nothing is planned again
    CompiledModel same = postgres.change(DocumentKinds.AUTOMATIONS, automations);
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new Replanning(scheduling).applied(connection, before, after, NO_DDL);
      new Replanning(scheduling).applied(connection, after, same, NO_DDL);
      connection.commit();
    }
    assertEquals(1, jobs.drain(), "one plan, for a change that made the automation");
    CLOCK.advance(Duration.ofDays(4)); // 26 Dec: the day after the 25th
    assertEquals(1, jobs.drain());
    assertEquals(1L, tasks(moved, "Ask how it went"));
    assertEquals(0L, tasks(kept, "Ask how it went"), "the 21st had passed when it was made");
    CLOCK.advance(Duration.ofDays(26)); // 21 Jan 2027
    assertEquals(2, jobs.drain(), "its reminder of the 17th, and the day after it closed");
    assertEquals(1L, tasks(next, "Ask how it went"));
    assertEquals(0L, postgres.query("SELECT count(*) FROM relata.job WHERE state <> 'done'"));
  }

  private static long tasks(UUID about, String subject) {
    return postgres.activities(about, subject);
  }

  private static long tasks(UUID about) {
    return (Long)
        postgres.query(
            "SELECT count(*) FROM records.activity WHERE about->>'id' = '" + about + "'");
  }

  private static StoredRecord create(String title, String closes, int amount) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("amount", BigDecimal.valueOf(amount));
    if (closes != null) {
      values.put("close_date", LocalDate.parse(closes));
    }
    return records.create(postgres.context(seller), "deal", RecordInput.of(values));
  }

  private static void update(UUID id, Map<String, Object> changes) {
    records.update(
        postgres.context(seller), "deal", id, RecordInput.of(changes), OptionalLong.empty());
  }
}
