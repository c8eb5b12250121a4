package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.automation.AfterSaveAutomations;
import io.relata.platform.automation.Replanning;
import io.relata.platform.automation.ServiceLevelJob;
import io.relata.platform.automation.ServiceLevelReplan;
import io.relata.platform.automation.ServiceLevels;
import io.relata.platform.identity.Actor;
import io.relata.platform.job.JobHandlers;
import io.relata.platform.job.JobQueue;
import io.relata.platform.testing.MutableClock;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service level on a real PostgreSQL with a controllable clock: four business hours from Friday
 * 16:00, business hours 08:00 to 17:00 Monday to Friday in Stockholm, breach on Monday at 11:00 and
 * the escalation once; a pause over the weekend moves it; a case closed in time is never escalated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceLevelsIT {

  /** A change of no object: its plan has no steps. */
  private static final io.relata.platform.schema.SchemaPlan NO_DDL =
      new io.relata.platform.schema.SchemaPlan(java.util.List.of(), java.util.Map.of());

  /** Friday 11 December 2026, 16:00 in Stockholm. */
  private static final MutableClock CLOCK = new MutableClock(stockholm("2026-12-11T16:00"));

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static JobQueue jobs;
  private static Actor agent;
  private static JobQueue scheduling;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                RecordsOnPostgres.activity(),
                json(
                    "{'name':'support_case','label':'Case','nameField':'subject','fields':["
                        + "{'name':'subject','label':'Subject','type':'text'},"
                        + "{'name':'priority','label':'Priority','type':'picklist','values':["
                        + "{'name':'high','label':'High'},{'name':'normal','label':'Normal'}]},"
                        + "{'name':'status','label':'Status','type':'picklist','values':["
                        + "{'name':'open','label':'Open'},{'name':'waiting','label':'Waiting'},"
                        + "{'name':'closed','label':'Closed'}]},"
                        + "{'name':'sla_due','label':'SLA due','type':'datetime'},"
                        + "{'name':'escalated','label':'Escalated','type':'boolean'}]}")),
            List.of(),
            Map.of(
                DocumentKinds.CALENDARS,
                List.of(json(office(""))),
                DocumentKinds.SLA_POLICIES,
                List.of(
                    json(
                        "{'name':'first_response','label':'First response','object':'support_case',"
                            + "'calendar':'office','priorityField':'priority',"
                            + "'targets':[{'priority':'high','within':'PT4H','warnBefore':'PT1H'},"
                            + "{'within':'PT16H'}],"
                            + "'pauseWhen':'status = \\'waiting\\'',"
                            + "'stopWhen':'status = \\'closed\\'',"
                            + "'dueField':'sla_due',"
                            + "'warning':[{'type':'task','subject':'Due within the hour'}],"
                            + "'breach':[{'type':'set','values':{'escalated':true}},"
                            + "{'type':'task','subject':'Escalated: first response late'}]}"))),
            CLOCK);
    agent = postgres.user("agent", "administrator");
    scheduling = new JobQueue(postgres.dataSource(), CLOCK, new JobHandlers(List.of()));
    records =
        postgres.service(
            List.of(
                new ServiceLevels(scheduling), new AfterSaveAutomations(postgres.automating())));
    jobs =
        new JobQueue(
            postgres.dataSource(),
            CLOCK,
            new JobHandlers(
                List.of(
                    new ServiceLevelJob(records, postgres.automating()),
                    new ServiceLevelReplan(records, scheduling))));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  @Order(1)
  void fourBusinessHoursFromFridayAtFourBreachOnMondayAtElevenOnceAndAPauseMovesIt()
      throws Exception {
    UUID plain = create("No answer yet");
    UUID paused = create("Waiting over the weekend");
    UUID closed = create("Answered in time");
    assertEquals(stockholm("2026-12-14T11:00"), due(plain), "Monday at 11:00");

    to(stockholm("2026-12-11T16:30"));
    update(paused, "waiting");
    assertNull(postgres.column("support_case", paused, "sla_due"), "the clock stands still");
    to(stockholm("2026-12-11T16:45"));
    update(closed, "closed");
    assertNull(postgres.column("support_case", closed, "sla_due"), "the clock stopped");
    to(stockholm("2026-12-14T09:00"));
    assertEquals(0, jobs.drain(), "nothing is due over the weekend");
    update(paused, "open");
    assertEquals(
        stockholm("2026-12-14T12:30"),
        due(paused),
        "half an hour on Friday and one on Monday stood still: 90 minutes later");

    to(stockholm("2026-12-14T09:59"));
    assertEquals(0, jobs.drain());
    to(stockholm("2026-12-14T10:00"));
    jobs.drain();
    assertEquals(1L, tasks(plain, "Due within the hour"), "the warning, an hour before");
    assertNull(postgres.column("support_case", plain, "escalated"));
    to(stockholm("2026-12-14T10:59"));
    jobs.drain();
    assertNull(postgres.column("support_case", plain, "escalated"), "a minute early");
    to(stockholm("2026-12-14T11:00"));
    jobs.drain();
    assertEquals(
        Boolean.TRUE, postgres.column("support_case", plain, "escalated"), "breached at 11:00");
    assertEquals(1L, tasks(plain, "Escalated: first response late"));
    assertNull(postgres.column("support_case", paused, "escalated"), "its breach moved on");

    to(stockholm("2026-12-14T12:30"));
    jobs.drain();
    assertEquals(Boolean.TRUE, postgres.column("support_case", paused, "escalated"));
    to(stockholm("2026-12-18T12:00"));
    jobs.drain();
    assertEquals(1L, tasks(plain, "Escalated: first response late"), "exactly once");
    assertEquals(1L, tasks(paused, "Escalated: first response late"), "exactly once");
    assertEquals(0L, tasks(closed, "Escalated: first response late"), "met in time");
    assertEquals(0L, tasks(closed, "Due within the hour"));
    assertEquals(
        0L, postgres.query("SELECT count(*) FROM relata.job WHERE state <> 'done'"), "none dead");
  }

  @Test
  @Order(2)
  void aHolidayAddedToTheCalendarMovesTheBreachesOfTheClocksThatRun() throws Exception {
    to(stockholm("2027-01-08T16:00")); // a Friday
    UUID open = create("Over a new holiday");
    assertEquals(stockholm("2027-01-11T11:00"), due(open), "Monday at 11:00");
    CompiledModel before = postgres.model();
    CompiledModel after =
        postgres.change(
            DocumentKinds.CALENDARS, List.of(json(office(",'holidays':['2027-01-11']"))));
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new Replanning(scheduling).applied(connection, before, after, NO_DDL);
      connection.commit();
    }
    assertEquals(1, jobs.drain(), "its clocks are computed again");
    assertEquals(stockholm("2027-01-12T11:00"), due(open), "Monday is a holiday now");
    to(stockholm("2027-01-11T11:00"));
    jobs.drain();
    assertNull(postgres.column("support_case", open, "escalated"), "not on the holiday");
    to(stockholm("2027-01-12T10:00"));
    jobs.drain();
    assertEquals(1L, tasks(open, "Due within the hour"), "warned an hour before the new moment");
    to(stockholm("2027-01-12T11:00"));
    jobs.drain();
    assertEquals(Boolean.TRUE, postgres.column("support_case", open, "escalated"));
    assertEquals(1L, tasks(open, "Escalated: first response late"));
  }

  /** The office calendar, 08:00 to 17:00 on weekdays in Stockholm, with {@code more} fields. */
  private static String office(String more) {
    return "{'name':'office','label':'Office','zone':'Europe/Stockholm','hours':{"
        + "'monday':[{'from':'08:00','to':'17:00'}],"
        + "'tuesday':[{'from':'08:00','to':'17:00'}],"
        + "'wednesday':[{'from':'08:00','to':'17:00'}],"
        + "'thursday':[{'from':'08:00','to':'17:00'}],"
        + "'friday':[{'from':'08:00','to':'17:00'}]}"
        + more
        + "}";
  }

  private static Instant stockholm(String local) {
    return ZonedDateTime.parse(local + "+01:00[Europe/Stockholm]").toInstant();
  }

  private static void to(Instant at) {
    CLOCK.advance(Duration.between(CLOCK.instant(), at));
  }

  private static Instant due(UUID id) {
    return ((Timestamp) postgres.column("support_case", id, "sla_due")).toInstant();
  }

  private static long tasks(UUID about, String subject) {
    return postgres.activities(about, subject);
  }

  private static UUID create(String subject) {
    return records
        .create(
            postgres.context(agent),
            "support_case",
            RecordInput.of(Map.of("subject", subject, "priority", "high", "status", "open")))
        .id();
  }

  private static void update(UUID id, String status) {
    records.update(
        postgres.context(agent),
        "support_case",
        id,
        RecordInput.of(Map.of("status", status)),
        OptionalLong.empty());
  }
}
