package io.relata.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

  @Test
  void writesWhatTheIsoFormatterWritesInUtc() {
    SplittableRandom random = new SplittableRandom(42);
    long first = OffsetDateTime.parse("0001-01-01T00:00:00Z").toEpochSecond();
    long last = OffsetDateTime.parse("9999-12-31T23:59:59Z").toEpochSecond();
    int[] fractions = {0, 1, 10, 780_000_000, 781_649_000, 999_999_999, 500_000, 120};
    for (int i = 0; i < 20_000; i++) {
      OffsetDateTime value =
          OffsetDateTime.ofInstant(
              Instant.ofEpochSecond(random.nextLong(first, last), fractions[i % fractions.length]),
              ZoneOffset.ofHours(random.nextInt(-12, 15)));
      assertEquals(
          value
              .withOffsetSameInstant(ZoneOffset.UTC)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          UtcTimestamps.format(value),
          value.toString());
    }
  }

  @Test
  void secondsAreAlwaysWrittenAndTheFractionOnlyAsFarAsItGoes() {
    assertEquals(
        "2026-11-23T08:05:00Z",
        UtcTimestamps.format(OffsetDateTime.parse("2026-11-23T10:05+02:00")));
    assertEquals(
        "2026-11-23T10:05:00.78Z",
        UtcTimestamps.format(OffsetDateTime.parse("2026-11-23T10:05:00.780Z")));
  }
}
