package io.relata.metadata.automation;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Working time in a business calendar: counted, added, across weekends, holidays and summer time.
 */
class BusinessCalendarTest {

  private static final String OFFICE =
      "{'name':'office','label':'Office','zone':'Europe/Stockholm','hours':{"
          + "'monday':[{'from':'08:00','to':'17:00'}],'tuesday':[{'from':'08:00','to':'17:00'}],"
          + "'wednesday':[{'from':'08:00','to':'17:00'}],'thursday':[{'from':'08:00','to':'17:00'}],"
          + "'friday':[{'from':'08:00','to':'17:00'}]},'holidays':['2026-12-24','2026-12-25']}";

  private static BusinessCalendar office() {
    ModelCompiler.Result result =
        DocumentKinds.compile(
            1,
            Documents.of(List.of(), new AccessDocuments(List.of(), List.of(), List.of()))
                .put(DocumentKinds.CALENDARS, json(OFFICE)));
    assertTrue(result.ok(), result.problems().toString());
    return result.model().automations().calendar("office").orElseThrow();
  }

  private static Instant at(String stockholm) {
    return ZonedDateTime.parse(stockholm + "+01:00[Europe/Stockholm]").toInstant();
  }

  @Test
  void fourHoursFromFridayAtFourAreMondayAtEleven() {
    BusinessCalendar office = office();
    assertEquals(at("2026-12-14T11:00"), office.plus(at("2026-12-11T16:00"), Duration.ofHours(4)));
    assertEquals(
        Duration.ofHours(4), office.between(at("2026-12-11T16:00"), at("2026-12-14T11:00")));
    assertEquals(
        Duration.ofMinutes(90),
        office.between(at("2026-12-11T16:30"), at("2026-12-14T09:00")),
        "half an hour on Friday, an hour on Monday");
    assertEquals(
        at("2026-12-14T08:30"),
        office.plus(at("2026-12-12T10:00"), Duration.ofMinutes(30)),
        "a clock started on Saturday counts from Monday morning");
  }

  @Test
  void holidaysAreClosedAndSummerTimeMovesWithTheWallClock() {
    BusinessCalendar office = office();
    assertEquals(
        at("2026-12-28T09:00"),
        office.plus(at("2026-12-23T16:00"), Duration.ofHours(2)),
        "Christmas Eve and Day are closed");
    // summer time begins on 29 March 2026: Monday's 08:00 is then 06:00 UTC, not 07:00
    assertEquals(
        Instant.parse("2026-03-30T07:00:00Z"),
        office.plus(Instant.parse("2026-03-27T15:00:00Z"), Duration.ofHours(2)));
  }

  @Test
  void aCalendarsProblemsAreAtTheirPlace() {
    ModelCompiler.Result result =
        DocumentKinds.compile(
            1,
            Documents.of(List.of(), new AccessDocuments(List.of(), List.of(), List.of()))
                .put(
                    DocumentKinds.CALENDARS,
                    json(
                        "{'name':'bad','label':'Bad','zone':'Mars/Olympus','hours':{"
                            + "'monday':[{'from':'17:00','to':'08:00'}]},"
                            + "'holidays':['2026-02-30']}")));
    List<String> pointers =
        result.problems().get("calendars/bad").stream().map(Problem::pointer).toList();
    assertEquals(List.of("/zone", "/hours/monday/0", "/holidays/0"), pointers);
  }
}
