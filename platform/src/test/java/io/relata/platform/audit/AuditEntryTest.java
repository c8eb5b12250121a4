package io.relata.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T10:00:00Z");

  @Test
  void namesAreLowerCaseWordsWithDigitsAndSeparators() {
    assertEquals(
        "sales__deal-2.v1",
        AuditEntry.event(AT, Optional.empty(), "record.create")
            .on("sales__deal-2.v1")
            .object()
            .orElseThrow());
    assertEquals("a".repeat(100), AuditEntry.event(AT, Optional.empty(), "a".repeat(100)).action());
  }

  @Test
  void anythingElseIsRefused() {
    for (String name :
        new String[] {"", "Record", "1st", "_x", "a b", "a/b", "å", "a".repeat(101), null}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> AuditEntry.event(AT, Optional.empty(), name),
          String.valueOf(name));
    }
  }
}
