package io.relata.metadata.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.metadata.Fixtures;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.ValueType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionCheckerTest {

  private static final ObjectDefinition DEAL = Fixtures.definition(Fixtures.object("deal"));

  private static Typed check(String text, Scope scope) throws ConditionException {
    return ConditionChecker.condition(ConditionParser.parse(text), DEAL, scope).typed();
  }

  @Test
  void literalsBecomeValuesOfTheTypeTheyAreComparedWith() throws ConditionException {
    String id = "0190f5a4-7b1c-7000-8000-000000000001";
    Typed.Logic and =
        (Typed.Logic)
            check(
                "company = \""
                    + id
                    + "\" and close_date = \"2026-01-31\" and stage = \"won\""
                    + " and created_at = 2026-01-31",
                Scope.QUERY);
    Typed.Compare company = (Typed.Compare) and.parts().get(0);
    assertEquals(UUID.fromString(id), ((Typed.Constant) company.right()).value());
    Typed.Compare close = (Typed.Compare) and.parts().get(1);
    assertEquals(LocalDate.of(2026, 1, 31), ((Typed.Constant) close.right()).value());
    // a day compared with an instant is the whole day, in the user's zone
    Typed.Within created = assertInstanceOf(Typed.Within.class, and.parts().get(3));
    assertEquals(new Typed.Span.Day(LocalDate.of(2026, 1, 31)), created.span());
  }

  @Test
  void nullComparisonsAreEmptinessTests() throws ConditionException {
    assertEquals(
        new Typed.IsNull(new Typed.Column(DEAL.field("notes").orElseThrow(), ValueType.TEXT), true),
        check("notes != null", Scope.WRITE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "amout = 1|QUERY|condition.unknown-field",
        "total > 1|QUERY|condition.not-filterable",
        "extra is null|QUERY|condition.not-filterable",
        "stage = \"closed\"|QUERY|condition.unknown-value",
        "tags contains \"cold\"|QUERY|condition.unknown-value",
        "company = \"nope\"|QUERY|condition.value-type",
        "amount = \"ten\"|QUERY|condition.value-type",
        "title = 1|WRITE|condition.value-type",
        "amount + title > 1|WRITE|condition.type-mismatch",
        "notes = \"x\"|QUERY|condition.operator",
        "strategic > true|WRITE|condition.operator",
        "tags = \"hot\"|WRITE|condition.operator",
        "created_at in (2026-01-01)|QUERY|condition.operator",
        "amount < null|WRITE|condition.null-order",
        "stage in (\"won\", null)|QUERY|condition.null-in-list",
        "stage in (title)|QUERY|condition.list-literal",
        "this_quarter|WRITE|condition.period-alone",
        "title = this_month|WRITE|condition.value-type",
        "stage is changed|QUERY|condition.write-time-only",
        "prior(stage) = \"won\"|RECORD|condition.write-time-only",
        "prior(amount + 1) = 2|WRITE|condition.field-expected",
        "owner_id = me|RECORD|condition.me-in-formula",
        "round(amount, 1.5) > 1|WRITE|condition.round-places",
        "len(title, 2) > 1|WRITE|condition.arity",
        "soundex(title) = \"x\"|WRITE|condition.unknown-function",
        "contains(title, \"x\")|WRITE|condition.unknown-function",
        "coalesce(null, null) = 1|WRITE|condition.untyped",
        "amount + 1|WRITE|condition.result-type",
        "if(strategic, 1, \"x\") = 1|WRITE|condition.type-mismatch",
      })
  void refusesWhatCannotRunWithACode(String text, Scope scope, String code) {
    ConditionException e = assertThrows(ConditionException.class, () -> check(text, scope));
    assertEquals(code, e.code(), e.problem("").toString());
  }

  @Test
  void formulasReferToOtherFieldsAndKnowTheirType() throws ConditionException {
    ConditionChecker.Checked checked =
        ConditionChecker.check("if(strategic, amount * 2, total) / 3", DEAL, Scope.RECORD);
    assertEquals(ValueType.NUMBER, checked.type());
    assertEquals(java.util.Set.of("strategic", "amount", "total"), checked.references());
  }
}
