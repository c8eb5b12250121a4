package io.relata.metadata.type;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternSafetyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(a+)+",
        "^(a+)+$",
        "(a*)*",
        "(\\w+\\s?)*",
        "((ab)+c?)+",
        "(x+x+)+y",
        "(a{1,})*",
        "(?:[a-z]+)+",
        "((a+))+",
        // conservative: safe in practice (the group starts with a literal), refused all the same
        "^[a-z]+(\\.[a-z]+)*$"
      })
  void refusesNestedUnboundedQuantifiers(String pattern) {
    assertTrue(PatternSafety.nestsUnboundedQuantifiers(pattern), pattern);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$",
        "^\\d{3}-\\d{4}$",
        "(ab)+",
        "(a|b)*c",
        "[(a+)+]",
        "\\(a+\\)+",
        "(a+){2}",
        "^FI\\d{16}$"
      })
  void admitsOrdinaryPatterns(String pattern) {
    assertFalse(PatternSafety.nestsUnboundedQuantifiers(pattern), pattern);
  }
}
