package io.relata.platform.audit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.relata.platform.message.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuditActionsTest {

  @Test
  void everyActionIsSummedUpInEveryLanguage() {
    for (Locale language : Messages.LANGUAGES) {
      for (String action : AuditActions.ALL) {
        assertNotEquals(action, Messages.text(action, language), action + " in " + language);
      }
    }
  }
}
