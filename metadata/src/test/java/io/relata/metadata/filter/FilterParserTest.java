package io.relata.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  @Test
  void andBindsTighterThanOr() throws FilterException {
    Filter filter = FilterParser.parse("a = 1 or b = 2 and c = 3");
    Filter.Or or = assertInstanceOf(Filter.Or.class, filter);
    assertInstanceOf(Filter.Condition.class, or.parts().get(0));
    assertEquals(2, assertInstanceOf(Filter.And.class, or.parts().get(1)).parts().size());
  }

  @Test
  void readsEveryOperator() throws FilterException {
    Filter.And and =
        (Filter.And)
            FilterParser.parse(
                "a = 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6 and g in (\"x\", \"y\")"
                    + " and h not in (1) and i contains \"z\" and j starts with \"q\""
                    + " and k is null and l is not null and m between 1 and 2");
    List<Operator> operators =
        and.parts().stream().map(p -> ((Filter.Condition) p).operator()).toList();
    assertEquals(List.of(Operator.values()), operators);
  }

  @Test
  void keywordsAreCaseInsensitiveAndValuesKeepTheirKind() throws FilterException {
    Filter.And and =
        (Filter.And)
            FilterParser.parse(
                "NOT a = TRUE AnD b = -1.50 and c >= 2026-12-31 and d = This_Quarter and e = me"
                    + " and f = last_n_days:30");
    Filter.Condition a = (Filter.Condition) ((Filter.Not) and.parts().get(0)).part();
    assertEquals(new Literal.Bool(true), a.values().get(0));
    assertEquals(
        new Literal.Number(new BigDecimal("-1.50")),
        ((Filter.Condition) and.parts().get(1)).values().get(0));
    assertEquals(
        new Literal.Text("2026-12-31"), ((Filter.Condition) and.parts().get(2)).values().get(0));
    assertInstanceOf(
        Literal.Relative.class, ((Filter.Condition) and.parts().get(3)).values().get(0));
    assertInstanceOf(Literal.Me.class, ((Filter.Condition) and.parts().get(4)).values().get(0));
    assertEquals(
        "last_n_days:30",
        ((Literal.Relative) ((Filter.Condition) and.parts().get(5)).values().get(0))
            .period()
            .name());
  }

  @Test
  void stringsEscapeQuotesAndBackslashesOnly() throws FilterException {
    Filter.Condition c =
        (Filter.Condition) FilterParser.parse("name = \"O'Brien \\\"Jr\\\" \\\\ ; DROP TABLE\"");
    assertEquals(new Literal.Text("O'Brien \"Jr\" \\ ; DROP TABLE"), c.values().get(0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a =",
        "a = 1 and",
        "(a = 1",
        "a == 1",
        "a = 'single'",
        "a = \"unterminated",
        "a = \"bad \\n escape\"",
        "a in ()",
        "a between 1",
        "a is nothing",
        "a = 1; drop table x",
        "a = 1 -- comment",
        "a = 1e99999999",
        "a = somethingelse",
        "a = 1 b = 2"
      })
  void refusesMalformedFiltersWithACode(String text) {
    FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(text));
    assertEquals(true, e.problem().code().startsWith("filter."), e.problem().code());
  }

  @Test
  void nestingIsBoundedSoNoInputExhaustsTheStack() {
    String deep = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
    assertEquals(
        "filter.too-long",
        assertThrows(FilterException.class, () -> FilterParser.parse(deep)).problem().code());
    String notDeep = "not ".repeat(900) + "a = 1";
    assertEquals(
        "filter.too-deep",
        assertThrows(FilterException.class, () -> FilterParser.parse(notDeep)).problem().code());
    String parens = "(".repeat(40) + "a = 1" + ")".repeat(40);
    assertEquals(
        "filter.too-deep",
        assertThrows(FilterException.class, () -> FilterParser.parse(parens)).problem().code());
  }

  @Test
  void theNumberOfConditionsIsBounded() {
    String many = String.join(" or ", java.util.Collections.nCopies(101, "a = 1"));
    assertEquals(
        "filter.too-many-conditions",
        assertThrows(FilterException.class, () -> FilterParser.parse(many)).problem().code());
  }
}
