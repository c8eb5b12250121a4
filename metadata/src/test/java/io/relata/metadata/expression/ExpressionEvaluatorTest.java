package io.relata.metadata.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private final Map<String, Object> deal = new HashMap<>();

  ExpressionEvaluatorTest() {
    deal.put("title", "Fjord deal");
    deal.put("amount", new BigDecimal("1250.50"));
    deal.put("discount", new BigDecimal("10"));
    deal.put("stage", "closed_won");
    deal.put("close_date", LocalDate.of(2026, 12, 31));
    deal.put("created_at", OffsetDateTime.parse("2026-11-01T08:00:00+02:00"));
    deal.put("regions", List.of("nordics"));
    deal.put("notes", null);
  }

  private Object eval(String source) throws ExpressionException {
    return ExpressionEvaluator.evaluate(ExpressionParser.parse(source), deal, CLOCK);
  }

  private boolean passes(String condition) throws ExpressionException {
    return ExpressionEvaluator.passes(ExpressionParser.parse(condition), deal, CLOCK);
  }

  @Test
  void computesFormulasExactly() throws Exception {
    assertEquals(
        0, new BigDecimal("125.05").compareTo((BigDecimal) eval("amount * discount / 100")));
    assertEquals("Fjord deal (CLOSED_WON)", eval("title + ' (' + upper(stage) + ')'"));
    assertEquals(LocalDate.of(2027, 1, 30), eval("close_date + 30"));
    assertEquals(new BigDecimal("38"), eval("close_date - today()"));
    assertEquals(new BigDecimal("2026"), eval("year(created_at)"));
    assertEquals(new BigDecimal("1250.5"), eval("round(amount, 1)"));
    assertEquals(new BigDecimal("10"), eval("len(title)"));
  }

  @Test
  void rulesFromTheIssueHoldOrFail() throws Exception {
    assertTrue(passes("close_date >= created_at"));
    assertTrue(passes("stage == 'closed_won' implies amount > 0"));
    deal.put("amount", BigDecimal.ZERO);
    assertFalse(passes("stage == 'closed_won' implies amount > 0"));
    deal.put("stage", "prospecting");
    assertTrue(passes("stage == 'closed_won' implies amount > 0"));
  }

  @Test
  void unknownValuesAreThreeValuedLikeSql() throws Exception {
    assertNull(eval("len(notes) > 5 or amount < 0"), "unknown or false is unknown");
    assertEquals(Boolean.TRUE, eval("notes != 'x'"), "equality treats empty as a value");
    assertTrue(passes("len(notes) > 5"), "a rule on an empty field does not make it required");
    assertEquals(Boolean.FALSE, eval("amount < 0 and notes == 'x'"));
    assertEquals(Boolean.TRUE, eval("amount > 0 or notes == 'x'"));
    assertEquals(Boolean.TRUE, eval("notes == null"));
    assertEquals(Boolean.TRUE, eval("is_blank(notes)"));
    assertEquals(new BigDecimal("1250.50"), eval("coalesce(notes, amount)"));
    assertNull(eval("amount / 0"), "division by zero is unknown");
  }

  @Test
  void todayComesFromTheInjectedClock() throws Exception {
    assertEquals(LocalDate.of(2026, 11, 23), eval("today()"));
    assertEquals(OffsetDateTime.parse("2026-11-23T10:00:00Z"), eval("now()"));
  }
}
