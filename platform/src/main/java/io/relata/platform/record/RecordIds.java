package io.relata.platform.record;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * New record ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits. Ids
 * made one after another sort together, so inserts land at the right edge of the primary-key index
 * instead of all over it, as random (version 4) ids would.
 */
final class RecordIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RecordIds() {}

  static UUID next(Clock clock) {
    long millis = clock.millis();
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
