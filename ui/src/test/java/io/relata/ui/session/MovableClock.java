package io.relata.ui.session;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only, added to one deployment: the platform's clock is the system's plus an offset that
 * {@link TestHooks} moves forward, so a test crosses a timeout without waiting for it.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableClock {

  private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

  @Produces
  Clock clock() {
    return new Moved(ZoneOffset.UTC);
  }

  static void advance(Duration by) {
    OFFSET.accumulateAndGet(by, Duration::plus);
  }

  private static final class Moved extends Clock {

    private final ZoneId zone;

    Moved(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Moved(other);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(OFFSET.get());
    }
  }
}
