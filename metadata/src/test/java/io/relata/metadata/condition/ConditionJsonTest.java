package io.relata.metadata.condition;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionJsonTest {

  @Test
  void buildsTheTreeTheTextFormWrites() throws ConditionException {
    Expression e =
        ConditionJson.read(
            json(
                "{'and': [{'field': 'stage', 'op': 'in', 'values': ['won', 'lost']},"
                    + " {'or': [{'field': 'amount', 'op': '>=', 'value': 1000},"
                    + " {'field': 'close_date', 'op': '=', 'value': {'relative': 'this_quarter'}}]},"
                    + " {'not': {'field': 'owner_id', 'op': '=', 'value': {'me': true}}},"
                    + " {'field': 'notes', 'op': 'is not null'},"
                    + " {'field': 'amount', 'op': 'between', 'values': [1, 2]}]}"));
    assertEquals(
        "stage in (\"won\", \"lost\") and (amount >= 1000 or close_date = this_quarter)"
            + " and not owner_id = me and notes is not null and amount between 1 and 2",
        ConditionPrinter.print(e));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'and': []}|/and|condition.json-parts",
        "{'field': 'a', 'op': '=='}|/op|condition.json-op",
        "{'field': 'a', 'op': '=', 'value': 1, 'x': 2}|/x|condition.json-member",
        "{'or': [{'field': 'a', 'op': 'in', 'values': []}]}|/or/0/values|condition.json-values",
        "{'field': 'a', 'op': '=', 'value': {'relative': 'someday'}}|/value/relative"
            + "|condition.relative-date",
        "{'field': 'a', 'op': 'is null', 'value': 1}||condition.json-no-value",
        "{'field': 7, 'op': '='}|/field|condition.json-field",
      })
  void pointsAtWhatIsWrong(String text, String pointer, String code) {
    ConditionException e =
        assertThrows(ConditionException.class, () -> ConditionJson.read(json(text)));
    assertEquals(code, e.code());
    assertEquals("/filter" + (pointer == null ? "" : pointer), e.problem("/filter").pointer());
  }
}
