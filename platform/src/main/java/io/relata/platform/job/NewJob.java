package io.relata.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A job to enqueue: its kind and payload, and optionally when it is due (now by default), its
 * idempotency key and how many attempts it gets.
 */
public record NewJob(
    String kind,
    ObjectNode payload,
    Optional<OffsetDateTime> runAt,
    Optional<String> idempotencyKey,
    int maxAttempts) {

  /** Attempts a job gets unless it says otherwise: an hour and a half of backoff in all. */
  public static final int DEFAULT_ATTEMPTS = 10;

  public NewJob {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("a job needs an attempt: " + maxAttempts);
    }
  }

  /** A job due now, without a key, with the default attempts. */
  public static NewJob of(String kind, ObjectNode payload) {
    return new NewJob(kind, payload, Optional.empty(), Optional.empty(), DEFAULT_ATTEMPTS);
  }

  public NewJob at(OffsetDateTime when) {
    return new NewJob(kind, payload, Optional.of(when), idempotencyKey, maxAttempts);
  }

  public NewJob key(String key) {
    return new NewJob(kind, payload, runAt, Optional.of(key), maxAttempts);
  }

  public NewJob attempts(int attempts) {
    return new NewJob(kind, payload, runAt, idempotencyKey, attempts);
  }
}
