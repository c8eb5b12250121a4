package io.relata.platform.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.platform.rest.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The timeline's cursor: where a page ended in each stream, there and back. */
class TimelineQueryTest {

  @Test
  void aCursorNamesWhereEachStreamEnded() {
    UUID id = UUID.fromString("01a2445d-0c66-7693-8c21-bd7a5548412f");
    for (TimelineQuery.Position position :
        List.of(
            TimelineQuery.Position.START,
            new TimelineQuery.Position(OptionalLong.of(123_456), Optional.empty()),
            new TimelineQuery.Position(
                OptionalLong.empty(),
                Optional.of(
                    new TimelineQuery.ActivityKey(
                        OffsetDateTime.parse("2026-12-05T09:00:00.123456Z"), id))),
            new TimelineQuery.Position(
                OptionalLong.of(7),
                Optional.of(
                    new TimelineQuery.ActivityKey(
                        OffsetDateTime.parse("1969-07-20T20:17:40.000001Z"), id))))) {
      assertEquals(
          position, TimelineQuery.of(null, null, position.cursor()).after(), position.cursor());
    }
  }

  @Test
  void aForgedCursorIsRefused() {
    for (String cursor : List.of("x", "h1", "h_a1.nope", "h_a" + "z".repeat(14) + ".x")) {
      InvalidRequestException refused =
          assertThrows(InvalidRequestException.class, () -> TimelineQuery.of(null, null, cursor));
      assertEquals("cursor", refused.violations().get(0).pointer(), cursor);
    }
  }
}
