package io.relata.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.relata.metadata.Fixtures;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.filter.FilterParser;
import io.relata.metadata.filter.FilterResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredicateSqlTest {

  private static final ObjectDefinition OPPORTUNITY =
      Fixtures.definition(Fixtures.object("opportunity"));

  private static Sql sql(String filter) throws Exception {
    return PredicateSql.compile(
        FilterResolver.resolve(
                OPPORTUNITY,
                FilterParser.parse(filter),
                new FilterResolver.Context(
                    LocalDate.of(2026, 11, 23), ZoneOffset.UTC, Optional.empty()))
            .predicate()
            .orElseThrow());
  }

  @Test
  void identifiersAreQuotedAndValuesBound() throws Exception {
    Sql sql = sql("amount >= 10 and (priority in (\"high\", \"normal\") or not title = \"x'--\")");
    assertEquals(
        "(\"amount\" >= ?) AND ((\"priority\" IN (?, ?)) OR (NOT (\"title\" = ?)))", sql.text());
    assertEquals(List.of(new BigDecimal("10"), "high", "normal", "x'--"), sql.binds());
    assertFalse(sql.text().contains("x'"));
  }

  @Test
  void likePatternsMatchWildcardsLiterally() throws Exception {
    Sql sql = sql("title contains \"50%_off\\\\\"");
    assertEquals("\"title\" ILIKE ? ESCAPE '\\'", sql.text());
    assertEquals(List.of("%50\\%\\_off\\\\%"), sql.binds());
  }

  @Test
  void multiPicklistsUseArrayOperators() throws Exception {
    assertEquals("\"regions\" @> ARRAY[?]::text[]", sql("regions contains \"nordics\"").text());
    assertEquals(
        "NOT (\"regions\" && ARRAY[?, ?]::text[])",
        sql("regions not in (\"nordics\", \"baltics\")").text());
  }
}
