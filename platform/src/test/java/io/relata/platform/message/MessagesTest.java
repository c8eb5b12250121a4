package io.relata.platform.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void fillsInArguments() {
    assertEquals(
        "must be at most 100 characters", Messages.text("field.too-long", Locale.ENGLISH, 100));
  }

  @Test
  void languagesWithoutTranslationFallBackToEnglishNotToTheServerLocale() {
    Locale serverDefault = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertEquals("is required", Messages.text("field.required", new Locale("fi")));
    } finally {
      Locale.setDefault(serverDefault);
    }
  }

  @Test
  void anUnknownCodeYieldsTheCodeRatherThanAnError() {
    assertEquals("no.such.code", Messages.text("no.such.code", Locale.ENGLISH));
  }
}
