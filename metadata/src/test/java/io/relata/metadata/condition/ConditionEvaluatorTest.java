package io.relata.metadata.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relata.metadata.Fixtures;
import io.relata.metadata.definition.ObjectDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory back end's rules; the conformance test holds SQL to the same answers. */
class ConditionEvaluatorTest {

  private static final ObjectDefinition DEAL = Fixtures.definition(Fixtures.object("deal"));
  private static final UUID ME = UUID.fromString("0190f5a4-7b1c-7000-8000-00000000000a");

  /** 2026-03-31 23:30 in Helsinki is already 1 April there; in UTC it is still 31 March. */
  private static final ConditionContext HELSINKI =
      new ConditionContext(
          OffsetDateTime.parse("2026-03-31T21:30:00Z"),
          ZoneId.of("Europe/Helsinki"),
          Optional.of(ME));

  private static Object eval(String text, Map<String, Object> record) throws ConditionException {
    return eval(text, record, Optional.empty());
  }

  private static Object eval(
      String text, Map<String, Object> record, Optional<Map<String, Object>> prior)
      throws ConditionException {
    Typed typed = ConditionChecker.check(text, DEAL, Scope.WRITE).typed();
    return ConditionEvaluator.evaluate(typed, record, prior, HELSINKI);
  }

  private static Map<String, Object> deal(Object... pairs) {
    Map<String, Object> record = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      record.put((String) pairs[i], pairs[i + 1]);
    }
    return record;
  }

  @Test
  void logicIsThreeValuedAsInSqlAndOnlyEmptinessTestsAreTwoValued() throws ConditionException {
    Map<String, Object> empty = deal();
    assertEquals(null, eval("amount > 1", empty));
    assertEquals(false, eval("amount > 1 and false", empty));
    assertEquals(true, eval("amount > 1 or true", empty));
    assertEquals(null, eval("not (amount > 1)", empty));
    // an empty field is neither "x" nor not "x": a filter selects it with neither, as SQL does
    assertEquals(null, eval("title != \"x\"", empty));
    assertEquals(null, eval("title = \"x\"", empty));
    assertEquals(null, eval("stage in (\"won\")", empty));
    assertEquals(null, eval("stage not in (\"won\")", empty));
    assertEquals(null, eval("title contains \"x\"", empty));
    assertEquals(null, eval("amount = quantity", empty));
    assertEquals(true, eval("title = null and not (title != null)", empty));
    assertEquals(true, eval("title != \"x\" or title is null", empty));
  }

  @Test
  void textMatchesIgnoreCaseOneCharacterAtATime() throws ConditionException {
    Map<String, Object> record = deal("title", "Ärende ÖSTERGÅRD straße");
    assertEquals(true, eval("title contains \"östergård\"", record));
    assertEquals(true, eval("title starts with \"äR\"", record));
    assertEquals("ÄRENDE ÖSTERGÅRD STRAßE", eval("upper(title)", record));
    assertEquals(true, eval("\"B\" < \"a\"", record)); // code points: upper case sorts first
  }

  @Test
  void todayAndPeriodsAreTheUsersAndDatesMeetInstantsInTheirZone() throws ConditionException {
    assertEquals(LocalDate.of(2026, 4, 1), eval("today()", deal()));
    Map<String, Object> record =
        deal(
            "close_date", LocalDate.of(2026, 4, 1),
            "created_at", OffsetDateTime.parse("2026-03-31T21:15:00Z"));
    assertEquals(true, eval("close_date = this_quarter", record));
    assertEquals(true, eval("close_date = today", record));
    assertEquals(false, eval("close_date = last_quarter", record));
    // 21:15 UTC is 00:15 on 1 April in Helsinki
    assertEquals(true, eval("created_at = 2026-04-01", record));
    assertEquals(true, eval("created_at >= close_date", record));
    assertEquals(new BigDecimal(4), eval("month(created_at)", record));
    assertEquals(false, eval("created_at != today", record));
    assertEquals(null, eval("close_date != today", deal()));
  }

  @Test
  void priorValuesAndChangesAreTheWrites() throws ConditionException {
    Map<String, Object> before = deal("stage", "new", "amount", new BigDecimal("10.0"));
    Map<String, Object> after = deal("stage", "won", "amount", new BigDecimal("10"));
    assertEquals(true, eval("stage is changed", after, Optional.of(before)));
    assertEquals(false, eval("amount is changed", after, Optional.of(before)));
    assertEquals(true, eval("prior(stage) = \"new\"", after, Optional.of(before)));
    assertEquals(true, eval("stage is changed", after, Optional.empty()));
    assertEquals(true, eval("prior(stage) = null", after, Optional.empty()));
  }

  @Test
  void arithmeticFollowsTheRulesBothBackEndsShare() throws ConditionException {
    Map<String, Object> record =
        deal(
            "amount", new BigDecimal("10"),
            "quantity", new BigDecimal("3"),
            "close_date", LocalDate.of(2026, 1, 31),
            "tags", List.of("hot"),
            "company", ME.toString());
    assertEquals(new BigDecimal("3.3333333333"), eval("amount / quantity", record));
    assertEquals(null, eval("amount / (quantity - 3)", record));
    assertEquals(LocalDate.of(2026, 2, 2), eval("close_date + 2.9", record));
    assertEquals(null, eval("close_date + 1000000", record));
    assertEquals(new BigDecimal(30), eval("close_date - 2026-01-01", record));
    assertEquals(new BigDecimal("3.33"), eval("round(amount / quantity, 2)", record));
    assertEquals(
        true, eval("tags in (\"hot\", \"nordic\") and not (tags contains \"renewal\")", record));
    assertEquals(true, eval("company = \"" + ME + "\"", record));
    assertEquals(true, eval("is_blank(\" \t\") and not is_blank(tags)", record));
  }
}
