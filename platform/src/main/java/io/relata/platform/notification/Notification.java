package io.relata.platform.notification;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A message for one user in the app: a title (what sent it), its text, the record it is about, and
 * when they read it.
 */
public record Notification(
    UUID id,
    UUID user,
    OffsetDateTime at,
    String title,
    String body,
    Optional<String> object,
    Optional<UUID> record,
    Optional<OffsetDateTime> read) {}
