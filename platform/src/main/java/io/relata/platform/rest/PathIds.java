package io.relata.platform.rest;

import java.util.Optional;
import java.util.UUID;

/** Ids in request paths: only the canonical 36-character form of a UUID is one. */
public final class PathIds {

  private PathIds() {}

  /** The UUID, or empty — which the resource answers with its 404, like an id that is unknown. */
  public static Optional<UUID> uuid(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
