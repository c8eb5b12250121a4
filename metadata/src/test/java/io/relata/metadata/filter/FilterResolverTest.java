package io.relata.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.Fixtures;
import io.relata.metadata.definition.ObjectDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterResolverTest {

  private static final ObjectDefinition OPPORTUNITY =
      Fixtures.definition(Fixtures.object("opportunity"));
  private static final UUID ME = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final FilterResolver.Context CONTEXT =
      new FilterResolver.Context(
          LocalDate.of(2026, 11, 23), ZoneId.of("Europe/Helsinki"), Optional.of(ME));

  private static FilterResolver.Result resolve(String text) throws FilterException {
    return FilterResolver.resolve(OPPORTUNITY, FilterParser.parse(text), CONTEXT);
  }

  private static Predicate predicate(String text) throws FilterException {
    FilterResolver.Result result = resolve(text);
    assertEquals(List.of(), result.problems());
    return result.predicate().orElseThrow();
  }

  @Test
  void valuesTakeTheTypeOfTheirField() throws FilterException {
    Predicate.And and =
        (Predicate.And)
            predicate(
                "amount >= 10.5 and close_date = 2026-12-31 and strategic = true"
                    + " and account = \"6f1c2a8e-1111-4222-8333-944455556666\" and owner_id = me");
    assertEquals(new BigDecimal("10.5"), ((Predicate.Compare) and.parts().get(0)).value());
    assertEquals(LocalDate.of(2026, 12, 31), ((Predicate.Compare) and.parts().get(1)).value());
    assertEquals(true, ((Predicate.Compare) and.parts().get(2)).value());
    assertEquals(
        UUID.fromString("6f1c2a8e-1111-4222-8333-944455556666"),
        ((Predicate.Compare) and.parts().get(3)).value());
    assertEquals(ME, ((Predicate.Compare) and.parts().get(4)).value());
  }

  @Test
  void thisQuarterOnADateIsAHalfOpenRange() throws FilterException {
    Predicate.And range = (Predicate.And) predicate("close_date = this_quarter");
    assertEquals(
        List.of(
            new Predicate.Compare(
                OPPORTUNITY.field("close_date").orElseThrow(),
                Operator.GE,
                LocalDate.of(2026, 10, 1)),
            new Predicate.Compare(
                OPPORTUNITY.field("close_date").orElseThrow(),
                Operator.LT,
                LocalDate.of(2027, 1, 1))),
        range.parts());
  }

  @Test
  void aDateComparedWithADateTimeIsThatDayInTheUsersZone() throws FilterException {
    Predicate.And day = (Predicate.And) predicate("last_contacted = 2026-06-01");
    assertEquals(
        OffsetDateTime.parse("2026-06-01T00:00+03:00"),
        ((Predicate.Compare) day.parts().get(0)).value());
    assertEquals(
        OffsetDateTime.parse("2026-06-02T00:00+03:00"),
        ((Predicate.Compare) day.parts().get(1)).value());
    Predicate.Compare after = (Predicate.Compare) predicate("created_at > yesterday");
    assertEquals(Operator.GE, after.operator());
    assertEquals(OffsetDateTime.parse("2026-11-23T00:00+02:00"), after.value());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "today|2026-11-23|2026-11-24",
        "yesterday|2026-11-22|2026-11-23",
        "this_week|2026-11-23|2026-11-30",
        "last_week|2026-11-16|2026-11-23",
        "next_month|2026-12-01|2027-01-01",
        "last_quarter|2026-07-01|2026-10-01",
        "next_quarter|2027-01-01|2027-04-01",
        "last_year|2025-01-01|2026-01-01",
        "last_n_days:7|2026-11-16|2026-11-24",
        "next_n_days:7|2026-11-23|2026-12-01"
      })
  void relativeDates(String name, String start, String end) {
    RelativeDate.Range range =
        RelativeDate.of(name).orElseThrow().range(LocalDate.of(2026, 11, 23));
    assertEquals(new RelativeDate.Range(LocalDate.parse(start), LocalDate.parse(end)), range);
  }

  @Test
  void multiPicklistContainsOneValueOrAnyOfSeveral() throws FilterException {
    assertEquals(
        new Predicate.Holds(OPPORTUNITY.field("regions").orElseThrow(), "nordics"),
        predicate("regions contains \"nordics\""));
    Predicate.Among among =
        (Predicate.Among) predicate("regions not in (\"nordics\", \"baltics\")");
    assertTrue(among.negated());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nope = 1|filter.unknown-field",
        "weighted_amount > 1|filter.not-filterable",
        "extra is null|filter.not-filterable",
        "strategic > true|filter.operator",
        "notes = \"x\"|filter.operator",
        "amount = \"1000\"|filter.value-type",
        "amount = this_quarter|filter.value-type",
        "close_date = \"31.12.2026\"|filter.value-type",
        "close_date = 10000-01-01|filter.value-type",
        "close_date = 0000-01-01|filter.value-type",
        "account = \"1; drop table x\"|filter.value-type",
        "priority = \"urgent\"|filter.unknown-value",
        "stage = \"nowhere\"|filter.unknown-value",
        "reviewer = me and account = me|filter.value-type",
        "title contains 5|filter.value-type",
        "close_date in (this_week)|filter.period-in-list"
      })
  void refusesWhatTheFieldCannotMean(String text, String code) throws FilterException {
    FilterResolver.Result result = resolve(text);
    assertTrue(result.predicate().isEmpty());
    assertEquals(code, result.problems().get(0).code());
  }

  @Test
  void refusesNulInsideAValue() throws FilterException {
    assertEquals("filter.nul", resolve("title = \"a\u0000b\"").problems().get(0).code());
  }

  @Test
  void systemFieldsAreFilterable() throws FilterException {
    assertInstanceOf(Predicate.Compare.class, predicate("version >= 2"));
    assertInstanceOf(Predicate.Null.class, predicate("deleted_at is null"));
  }
}
