package io.relata.ui.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.Expression;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.RecordLists;
import io.relata.platform.record.RecordService;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rows of one list as a grid asks for them, by position, over the platform's keyset-paged list.
 * Each page the grid reads leaves the cursor of the row after it, by position; a request for any
 * position starts from the nearest such cursor before it and skips the rest (SQL {@code OFFSET}).
 * Scrolling on reads page after page by cursor, skipping nothing; a jump far away skips from the
 * nearest known page, so its cost is bounded by the distance to a page already seen, and at most by
 * the position itself.
 */
public final class RecordPages implements Serializable {

  private final transient RecordService records;
  private final Actor actor;
  private final String object;
  private final Optional<Expression> filter;
  private final Optional<String> search;
  private final Optional<String> sort;
  private final List<String> fields;
  private final List<String> expand;
  private static final int KEPT = 64;

  private final NavigableMap<Long, String> cursors = new TreeMap<>();

  public RecordPages(
      RecordService records,
      Actor actor,
      String object,
      Optional<Expression> filter,
      Optional<String> search,
      Optional<String> sort,
      List<String> fields,
      List<String> expand) {
    this.records = records;
    this.actor = actor;
    this.object = object;
    this.filter = filter;
    this.search = search;
    this.sort = sort;
    this.fields = List.copyOf(fields);
    this.expand = List.copyOf(expand);
  }

  /** How many records the list holds: exact, or the planner's estimate for big lists. */
  public RecordLists.Total total() {
    return records
        .list(actor, object, query(Optional.empty(), 1, true), false)
        .total()
        .orElseThrow();
  }

  /** The rows from {@code offset}, at most {@code limit} of them. */
  public List<ObjectNode> rows(long offset, int limit) {
    List<ObjectNode> rows = new ArrayList<>(limit);
    long at = offset;
    while (rows.size() < limit) {
      Map.Entry<Long, String> known = cursors.floorEntry(at);
      long from = known == null ? 0 : known.getKey();
      Optional<String> cursor = known == null ? Optional.empty() : Optional.of(known.getValue());
      int size = Math.min(limit - rows.size(), RecordQuery.MAX_LIMIT);
      RecordLists.Page page =
          records.list(actor, object, query(cursor, size, false), false, at - from);
      rows.addAll(page.items());
      at += page.items().size();
      if (page.nextCursor().isEmpty()) {
        break;
      }
      cursors.put(at, page.nextCursor().get());
      forgetFarthestFrom(at);
    }
    return rows;
  }

  /**
   * Keeps at most {@value #KEPT} cursors (a few kilobytes), dropping the one farthest from where
   * the user is: whoever scrolls through a million rows does not leave a million cursors behind.
   */
  private void forgetFarthestFrom(long at) {
    while (cursors.size() > KEPT) {
      long first = cursors.firstKey();
      long last = cursors.lastKey();
      cursors.remove(at - first > last - at ? first : last);
    }
  }

  private RecordQuery query(Optional<String> cursor, int limit, boolean total) {
    return new RecordQuery(filter, search, sort, Optional.of(fields), limit, cursor, expand, total);
  }
}
