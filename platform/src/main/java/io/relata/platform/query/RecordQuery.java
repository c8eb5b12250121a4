package io.relata.platform.query;

import io.relata.metadata.condition.Expression;
import java.util.List;
import java.util.Optional;

/**
 * A list request, as the client wrote it; the record service checks it against the object.
 *
 * @param sort e.g. {@code -amount,name}; {@link SortKey#DEFAULT} when empty
 * @param fields the fields to answer with; all when empty
 * @param expand references to resolve to {@code {"id", "name"}}
 * @param total whether to count the matches (exact up to a threshold, then estimated)
 * @param search words that the records' text must contain, as typed into a search box
 */
public record RecordQuery(
    Optional<Expression> filter,
    Optional<String> search,
    Optional<String> sort,
    Optional<List<String>> fields,
    int limit,
    Optional<String> cursor,
    List<String> expand,
    boolean total) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public RecordQuery {
    fields = fields.map(List::copyOf);
    expand = List.copyOf(expand);
  }
}
