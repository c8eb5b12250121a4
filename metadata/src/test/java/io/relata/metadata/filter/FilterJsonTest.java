package io.relata.metadata.filter;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.metadata.validation.Problem;
import org.junit.jupiter.api.Test;

class FilterJsonTest {

  @Test
  void theJsonFormReadsToTheSameFilterAsTheText() throws FilterException {
    Filter text =
        FilterParser.parse(
            "amount >= 1000 and (stage in (\"won\", \"lost\") or not close_date = this_quarter)"
                + " and owner_id = me and notes is null");
    Filter fromJson =
        FilterJson.read(
            json(
                "{'and': [{'field': 'amount', 'op': '>=', 'value': 1000},"
                    + " {'or': [{'field': 'stage', 'op': 'in', 'values': ['won', 'lost']},"
                    + "  {'not': {'field': 'close_date', 'op': '=', 'value': {'relative': 'this_quarter'}}}]},"
                    + " {'field': 'owner_id', 'op': '=', 'value': {'me': true}},"
                    + " {'field': 'notes', 'op': 'is null'}]}"));
    assertEquals(withoutPositions(text), withoutPositions(fromJson));
  }

  @Test
  void problemsPointIntoTheDocument() {
    Problem problem =
        assertThrows(
                FilterException.class,
                () ->
                    FilterJson.read(
                        json(
                            "{'or': [{'field': 'a', 'op': '=', 'value': 1},"
                                + " {'field': 'b', 'op': 'between', 'values': [1]}]}")))
            .problem();
    assertEquals("/or/1/values", problem.pointer());
    assertEquals(
        "/op",
        assertThrows(
                FilterException.class,
                () -> FilterJson.read(json("{'field': 'a', 'op': 'like', 'value': '%'}")))
            .problem()
            .pointer());
    assertEquals(
        "/value",
        assertThrows(
                FilterException.class,
                () -> FilterJson.read(json("{'field': 'a', 'op': '=', 'value': [1]}")))
            .problem()
            .pointer());
    assertEquals(
        "/sql",
        assertThrows(
                FilterException.class,
                () -> FilterJson.read(json("{'field': 'a', 'op': '=', 'value': 1, 'sql': 'x'}")))
            .problem()
            .pointer());
  }

  private static Filter withoutPositions(Filter filter) {
    if (filter instanceof Filter.And and) {
      return new Filter.And(and.parts().stream().map(FilterJsonTest::withoutPositions).toList());
    }
    if (filter instanceof Filter.Or or) {
      return new Filter.Or(or.parts().stream().map(FilterJsonTest::withoutPositions).toList());
    }
    if (filter instanceof Filter.Not not) {
      return new Filter.Not(withoutPositions(not.part()));
    }
    Filter.Condition c = (Filter.Condition) filter;
    return new Filter.Condition(c.field(), c.operator(), c.values(), "");
  }
}
