package io.relata.platform.record;

import io.relata.metadata.condition.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change to many records: update their values, hand them to an owner, or delete them; the
 * records are a list of ids or everything a filter matches (that the user may read).
 *
 * @param ids the records, when they are listed
 * @param filter the records, when a filter chooses them
 * @param values what an update writes
 * @param owner who an assignment hands the records to
 */
public record BulkRequest(
    Action action,
    Optional<List<UUID>> ids,
    Optional<Expression> filter,
    RecordInput values,
    Optional<UUID> owner) {

  /** What is done to each record. */
  public enum Action {
    UPDATE,
    ASSIGN,
    DELETE
  }

  /** The most ids one request may list; more records are chosen with a filter. */
  public static final int MAX_IDS = 10_000;

  public BulkRequest {
    Objects.requireNonNull(action, "action");
    if (ids.isPresent() == filter.isPresent()) {
      throw new IllegalArgumentException("either ids or a filter");
    }
    ids = ids.map(List::copyOf);
  }
}
