package io.relata.metadata.expression;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.metadata.definition.ObjectDefinition;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionCheckerTest {

  private static final ObjectDefinition OPPORTUNITY = definition(object("opportunity"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "amount * discount / 100| NUMBER",
        "-amount + 1.5| NUMBER",
        "close_date >= created_at| BOOLEAN",
        "stage == 'closed_won' implies amount > 0| BOOLEAN",
        "not strategic or amount >= 10000 and quantity < 5| BOOLEAN",
        "title + ' (' + upper(priority) + ')'| TEXT",
        "close_date + 30| DATE",
        "close_date - today()| NUMBER",
        "if(strategic, amount, 0)| NUMBER",
        "coalesce(amount, local_amount, 0)| NUMBER",
        "is_blank(contact_email) or contains(lower(contact_email), '@')| BOOLEAN",
        "year(last_contacted) >= 2026 and len(title) <= 120| BOOLEAN",
        "round(weighted_amount, 2)| NUMBER",
        "extra == null| BOOLEAN",
        "'It''s ' + title| TEXT",
        "((((amount))))| NUMBER"
      })
  void typesWellFormedExpressions(String source, ValueType type) throws Exception {
    assertEquals(type, ExpressionChecker.check(source, OPPORTUNITY).type());
  }

  @Test
  void collectsTheFieldsItRefersTo() throws Exception {
    assertEquals(
        Set.of("amount", "discount"),
        ExpressionChecker.check("amount * discount / 100 + version", OPPORTUNITY).references());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "budget > 0| expression.unknown-field| 0",
        "amount > 'ten'| expression.type-mismatch| 7",
        "title * 2| expression.type-mismatch| 0",
        "strategic + 1| expression.type-mismatch| 0",
        "amount and strategic| expression.type-mismatch| 0",
        "close_date < 5| expression.type-mismatch| 11",
        "sqrt(amount)| expression.unknown-function| 0",
        "len(title, 2)| expression.arity| 0",
        "if(strategic, 'yes', 1)| expression.type-mismatch| 21",
        "1 < 2 < 3| expression.chained-comparison| 6",
        "amount >| expression.incomplete| 8",
        "(amount| expression.expected| 7",
        "'open| expression.unclosed-text| 0",
        "amount ; drop table| expression.unexpected| 7",
        "amount > 1 2| expression.unexpected| 11",
        "and| expression.unexpected| 0"
      })
  void refusesWithACodeAndAPosition(String source, String code, int position) {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> ExpressionChecker.check(source, OPPORTUNITY));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(position, e.position(), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedBeforeItExhaustsTheStack() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> ExpressionParser.parse(deep));
    assertEquals("expression.too-deep", e.code());

    String negations = "not ".repeat(10_000) + "true";
    assertEquals(
        "expression.too-deep",
        assertThrows(ExpressionException.class, () -> ExpressionParser.parse(negations)).code());
  }
}
