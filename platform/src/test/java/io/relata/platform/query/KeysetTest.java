package io.relata.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.Fixtures;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetTest {

  private static final ObjectDefinition OPPORTUNITY =
      Fixtures.definition(Fixtures.object("opportunity"));
  private static final UUID ID = UUID.fromString("0190f0a0-0000-7000-8000-000000000001");

  private static Keyset keyset(String sort) {
    SortKey.Parsed parsed = SortKey.parse(sort, name -> SystemFields.field(OPPORTUNITY, name));
    assertEquals(List.of(), parsed.problems());
    return new Keyset(parsed.keys(), SystemFields.field(OPPORTUNITY, "id").orElseThrow());
  }

  private static long marks(Sql sql) {
    return sql.text().chars().filter(c -> c == '?').count();
  }

  @Test
  void theTieBreakerFollowsTheLastKey() {
    assertEquals("ORDER BY \"amount\" DESC, \"title\", \"id\"", keyset("-amount,title").orderBy());
    assertEquals("ORDER BY \"created_at\" DESC, \"id\" DESC", keyset("-created_at").orderBy());
  }

  @Test
  void keysThatCannotBeNullRunningOneWayCompareAsARow() {
    Sql after = keyset("-created_at").after(List.of(java.time.OffsetDateTime.now(), ID));
    assertEquals("(\"created_at\", \"id\") < (?, ?)", after.text());
  }

  @Test
  void everyPlaceholderHasItsValueWhateverIsNull() {
    for (List<Object> last :
        List.<List<Object>>of(
            Arrays.asList(new BigDecimal("5"), null, ID),
            Arrays.asList(null, null, ID),
            Arrays.asList(null, LocalDate.of(2026, 1, 1), ID),
            Arrays.asList(new BigDecimal("5"), LocalDate.of(2026, 1, 1), ID))) {
      for (String sort : List.of("-amount,close_date", "amount,close_date", "amount,-close_date")) {
        Sql after = keyset(sort).after(last);
        assertEquals(marks(after), after.binds().size(), sort + " after " + last + ": " + after);
        assertTrue(after.binds().stream().allMatch(v -> v != null), after.toString());
      }
    }
  }

  @Test
  void aCursorRoundTripsAndRefusesAnythingElse() {
    Keyset keyset = keyset("-amount,close_date");
    List<Object> last = Arrays.asList(new BigDecimal("10.50"), null, ID);
    String cursor = Cursor.encode(keyset.keys(), last);
    assertEquals(Optional.of(last), Cursor.decode(cursor, keyset.keys()));
    assertEquals(Optional.empty(), Cursor.decode(cursor, keyset("amount,close_date").keys()));
    for (String forged :
        List.of("", "' OR 1=1 --", "eyJzIjoiLWFtb3VudCJ9", cursor.substring(1), "%%%")) {
      assertEquals(Optional.empty(), Cursor.decode(forged, keyset.keys()), forged);
    }
    String hugeNumber =
        Cursor.encode(keyset.keys(), Arrays.asList("1e999999", null, ID.toString()));
    assertEquals(Optional.empty(), Cursor.decode(hugeNumber, keyset.keys()));
  }

  @Test
  void aCursorKeepsTextThatJsonMustEscapeAndBooleans() {
    Keyset keyset = keyset("title,-strategic");
    for (String title :
        List.of("Quote \" and \\ back", "tab\tnew\nline\u0001", "Mäki ☃ 𝄞", "</script>", "")) {
      List<Object> last = Arrays.asList(title, true, ID);
      String cursor = Cursor.encode(keyset.keys(), last);
      assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
      assertEquals(Optional.of(last), Cursor.decode(cursor, keyset.keys()), title);
    }
    List<Object> noTitle = Arrays.asList(null, false, ID);
    assertEquals(
        Optional.of(noTitle), Cursor.decode(Cursor.encode(keyset.keys(), noTitle), keyset.keys()));
  }
}
