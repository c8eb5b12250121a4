package io.relata.metadata.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "account",
        "close_date",
        "x",
        "line_item_2",
        "a1_b2_c3",
        "sales__deal",
        "acme2__line_item"
      })
  void acceptsSnakeCaseNames(String name) {
    assertTrue(NameRules.check(name).isEmpty(), name);
  }

  @ParameterizedTest
  @CsvSource({
    "Account, NOT_SNAKE_CASE",
    "closeDate, NOT_SNAKE_CASE",
    "_hidden, NOT_SNAKE_CASE",
    "trailing_, NOT_SNAKE_CASE",
    "double__under__score, NOT_SNAKE_CASE",
    "___x, NOT_SNAKE_CASE",
    "ns__, NOT_SNAKE_CASE",
    "a_b__c, NOT_SNAKE_CASE",
    "today, RESERVED_WORD",
    "me, RESERVED_WORD",
    "2nd_field, NOT_SNAKE_CASE",
    "räksmörgås, NOT_SNAKE_CASE",
    "drop table, NOT_SNAKE_CASE",
    "\"quoted\", NOT_SNAKE_CASE",
    "id, SYSTEM_FIELD",
    "owner_id, SYSTEM_FIELD",
    "version, SYSTEM_FIELD",
    "deleted_at, SYSTEM_FIELD",
    "stage, SYSTEM_FIELD",
    "select, RESERVED_WORD",
    "null, RESERVED_WORD",
    "and, RESERVED_WORD",
    "user, RESERVED_WORD"
  })
  void refusesNamesThatBreakARule(String name, NameViolation expected) {
    assertEquals(Optional.of(expected), NameRules.check(name));
  }

  @ParameterizedTest
  @ValueSource(ints = {63, 64})
  void limitsNamesToPostgresIdentifierLength(int length) {
    String name = "a".repeat(length);
    Optional<NameViolation> expected =
        length <= 63 ? Optional.empty() : Optional.of(NameViolation.TOO_LONG);
    assertEquals(expected, NameRules.check(name));
  }

  @org.junit.jupiter.api.Test
  void refusesMissingNames() {
    assertEquals(Optional.of(NameViolation.EMPTY), NameRules.check(""));
    assertEquals(Optional.of(NameViolation.EMPTY), NameRules.check(null));
  }
}
