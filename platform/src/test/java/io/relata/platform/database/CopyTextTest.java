package io.relata.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String text(Object value) {
    StringBuilder out = new StringBuilder();
    CopyText.append(out, value);
    return out.toString();
  }

  @Test
  void escapesWhatCopyReadsAsStructureWhereverItIs() {
    assertEquals("plain", text("plain"));
    assertEquals("a\\tb\\nc\\rd\\\\e", text("a\tb\nc\rd\\e"));
    assertEquals("\\\\start", text("\\start"));
    assertEquals("end\\n", text("end\n"));
    assertEquals("\\N", text(null));
  }

  @Test
  void writesInstantsInUtcEachTheirOwnEvenOneAfterAnother() {
    OffsetDateTime helsinki = OffsetDateTime.parse("2026-12-04T12:00:00+02:00");
    OffsetDateTime later = OffsetDateTime.parse("2026-12-04T12:00:01+02:00");
    assertEquals("2026-12-04T10:00Z", text(helsinki));
    assertEquals("2026-12-04T10:00Z", text(helsinki));
    assertEquals("2026-12-04T10:00:01Z", text(later));
    assertEquals("2026-12-04T10:00Z", text(OffsetDateTime.parse("2026-12-04T10:00:00Z")));
  }

  @Test
  void writesNumbersPlainAndListsAsArrayLiterals() {
    assertEquals("10000000000", text(new BigDecimal("1E+10")));
    assertEquals("{\"a\",\"b\\\\\"c\"}", text(List.of("a", "b\"c")));
  }
}
