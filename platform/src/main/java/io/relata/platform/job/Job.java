package io.relata.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A job as stored: what to do ({@code kind} and its {@code payload}), when, and how its attempts
 * went.
 *
 * @param idempotencyKey the job's key: enqueuing a job with a key already used does nothing
 * @param attempts the attempts made so far
 * @param lastError why the last attempt failed
 * @param ranOn the node that ran it last
 */
public record Job(
    UUID id,
    String kind,
    ObjectNode payload,
    Optional<String> idempotencyKey,
    JobState state,
    OffsetDateTime runAt,
    int attempts,
    int maxAttempts,
    Optional<String> lastError,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> finishedAt,
    Optional<String> ranOn) {}
