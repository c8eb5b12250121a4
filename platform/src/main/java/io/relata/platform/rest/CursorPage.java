package io.relata.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A page of a list as the API answers it (API.md, "Lists"): its {@code items}, and {@code
 * nextCursor}, the id of its last item when more follow, null otherwise. The caller reads one item
 * more than the page holds: that one says more follow.
 */
public final class CursorPage {

  private CursorPage() {}

  /** Whether an item of the list has the id: a cursor that names none is stale. */
  @FunctionalInterface
  public interface Known {
    boolean has(UUID id) throws SQLException;
  }

  /**
   * The item the {@code cursor} query parameter names (empty without one): 400 {@code query.cursor}
   * when it names no item of the list (a stale cursor, or none at all).
   */
  public static Optional<UUID> after(String cursor, Known known) throws SQLException {
    if (cursor == null) {
      return Optional.empty();
    }
    Optional<UUID> after = PathIds.uuid(cursor);
    if (after.isEmpty() || !known.has(after.get())) {
      throw new InvalidRequestException(
          List.of(new Violation("cursor", "query.cursor", List.of())));
    }
    return after;
  }

  /**
   * A record's id as a list's query parameter {@code name} filters by (empty without one): 400
   * {@code query.type} when it is not one.
   */
  public static Optional<UUID> recordId(String value, String name) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        PathIds.uuid(value)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        List.of(new Violation(name, "query.type", List.of("a record's id"))))));
  }

  /** {@code found} (up to {@code size + 1} items) as a page of {@code size}. */
  public static <T> ObjectNode of(
      List<T> found, int size, Function<T, JsonNode> json, Function<T, String> id) {
    return fill(JsonNodeFactory.instance.objectNode(), found, size, json, id);
  }

  /** {@code page} (which may hold members of its own, such as a count) with the page's members. */
  public static <T> ObjectNode fill(
      ObjectNode page,
      List<T> found,
      int size,
      Function<T, JsonNode> json,
      Function<T, String> id) {
    ArrayNode items = page.putArray("items");
    found.stream().limit(size).forEach(item -> items.add(json.apply(item)));
    if (found.size() > size) {
      page.put("nextCursor", id.apply(found.get(size - 1)));
    } else {
      page.putNull("nextCursor");
    }
    return page;
  }
}
