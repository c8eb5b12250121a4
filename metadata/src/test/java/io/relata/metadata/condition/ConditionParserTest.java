package io.relata.metadata.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

  @Test
  void andBindsTighterThanOrAndTestsTighterThanAnd() throws ConditionException {
    Expression.Binary or =
        assertInstanceOf(
            Expression.Binary.class, ConditionParser.parse("a = 1 or b > 2 and c contains \"x\""));
    assertEquals("or", or.operator());
    Expression.Binary and = assertInstanceOf(Expression.Binary.class, or.right());
    assertEquals("and", and.operator());
    assertEquals("contains", ((Expression.Binary) and.right()).operator());
  }

  @Test
  void filtersAndFormulasAreOneLanguage() throws ConditionException {
    Expression e =
        ConditionParser.parse(
            "stage IN (\"won\", \"lost\") AND amount * quantity >= 1000 - 1"
                + " and close_date = this_quarter and owner_id = me and title starts with \"A\""
                + " and notes is not null and len(trim(title)) between 1 and 80");
    assertEquals(
        "stage in (\"won\", \"lost\") and amount * quantity >= 1000 - 1"
            + " and close_date = this_quarter and owner_id = me and title starts with \"A\""
            + " and notes is not null and len(trim(title)) between 1 and 80",
        ConditionPrinter.print(e));
  }

  @Test
  void valuesKeepTheirKind() throws ConditionException {
    Expression.Among among =
        (Expression.Among)
            ConditionParser.parse(
                "x not in (TRUE, -1.5, 2026-12-31, 2026-12-31T09:30:00+01:00, null, me)");
    assertEquals(true, among.negated());
    assertEquals(Boolean.TRUE, ((Expression.Literal) among.values().get(0)).value());
    assertEquals(new BigDecimal("-1.5"), ((Expression.Literal) among.values().get(1)).value());
    assertEquals(LocalDate.of(2026, 12, 31), ((Expression.Literal) among.values().get(2)).value());
    assertEquals(
        OffsetDateTime.parse("2026-12-31T09:30:00+01:00"),
        ((Expression.Literal) among.values().get(3)).value());
    assertEquals(null, ((Expression.Literal) among.values().get(4)).value());
    assertInstanceOf(Expression.Me.class, among.values().get(5));
  }

  @Test
  void periodsAndTodayAreDistinct() throws ConditionException {
    Expression.Binary b =
        (Expression.Binary) ConditionParser.parse("close_date > last_n_days:30 or d = today()");
    Expression.Binary first = (Expression.Binary) b.left();
    assertEquals("last_n_days:30", ((Expression.Period) first.right()).period().name());
    assertInstanceOf(Expression.Call.class, ((Expression.Binary) b.right()).right());
  }

  @Test
  void textEscapesQuotesAndBackslashesOnly() throws ConditionException {
    Expression.Binary b =
        (Expression.Binary) ConditionParser.parse("name = \"O'Brien \\\"Jr\\\" \\\\ ; DROP\"");
    assertEquals("O'Brien \"Jr\" \\ ; DROP", ((Expression.Literal) b.right()).value());
    assertEquals("name = \"O'Brien \\\"Jr\\\" \\\\ ; DROP\"", ConditionPrinter.print(b));
  }

  @Test
  void writeTimeTestsAreRead() throws ConditionException {
    Expression.Binary b =
        (Expression.Binary) ConditionParser.parse("stage is changed and prior(stage) = \"new\"");
    assertInstanceOf(Expression.IsChanged.class, b.left());
    assertEquals("prior", ((Expression.Call) ((Expression.Binary) b.right()).left()).function());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a == 1|condition.double-equals|3",
        "a = 'won'|condition.single-quote|5",
        "a = \"open|condition.unclosed-text|5",
        "a = \"\\n\"|condition.escape|6",
        "a = 2026-02-30|condition.bad-date|5",
        "a < b < c|condition.chained-comparison|7",
        "a = |condition.unexpected-end|4",
        "a = 1 )|condition.unexpected|7",
        "(a = 1|condition.expected|7",
        "a in 1|condition.expected|6",
        "and = 1|condition.unexpected|1",
      })
  void refusesMalformedConditionsAtTheirCharacter(String text, String code, int character) {
    ConditionException e =
        assertThrows(ConditionException.class, () -> ConditionParser.parse(text));
    assertEquals(code, e.code());
    assertEquals(String.valueOf(character), e.problem("/filter").args().get(0));
    assertEquals("/filter", e.problem("/filter").pointer());
  }

  @Test
  void nestingTestsAndListsAreBoundedSoNoInputExhaustsTheStack() {
    assertEquals(
        "condition.too-deep",
        assertThrows(
                ConditionException.class,
                () -> ConditionParser.parse("(".repeat(1000) + "a = 1" + ")".repeat(1000)))
            .code());
    assertEquals(
        "condition.too-deep",
        assertThrows(
                ConditionException.class, () -> ConditionParser.parse("not ".repeat(900) + "a = 1"))
            .code());
    assertEquals(
        "condition.too-deep",
        assertThrows(ConditionException.class, () -> ConditionParser.parse("-".repeat(3000) + "1"))
            .code());
    assertEquals(
        "condition.too-many-tests",
        assertThrows(
                ConditionException.class,
                () -> ConditionParser.parse("a = 1" + " or a = 1".repeat(100)))
            .code());
    assertEquals(
        "condition.too-many-values",
        assertThrows(
                ConditionException.class,
                () -> ConditionParser.parse("a in (1" + ", 1".repeat(1000) + ")"))
            .code());
    assertEquals(
        "condition.too-long",
        assertThrows(ConditionException.class, () -> ConditionParser.parse("a".repeat(4001)))
            .code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "amount == null or amount <= 1000|amount = null or amount <= 1000",
        "stage == 'won' implies close_date != null|stage = \"won\" implies close_date != null",
        "contains(lower(title), 'it''s') and starts_with(title, 'A')"
            + "|lower(title) contains \"it's\" and title starts with \"A\"",
        "-(a + b) * 2 > -3|-(a + b) * 2 > -3",
        "if(a > 1, 'x', upper(b)) + 'y'|if(a > 1, \"x\", upper(b)) + \"y\"",
        "not (a or b) and c|not (a or b) and c",
        "stage = \"won\"|stage = \"won\"",
      })
  void formulasOfTheOldSyntaxAreRewrittenInTodays(String pair) throws ConditionException {
    String[] parts = pair.split("\\|");
    String upgraded = ConditionPrinter.upgrade(parts[0]);
    assertEquals(parts[1], upgraded);
    assertEquals(upgraded, ConditionPrinter.print(ConditionParser.parse(upgraded)));
  }
}
