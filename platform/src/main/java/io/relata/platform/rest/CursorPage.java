package io.relata.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list as the API answers it (API.md, "Lists"): its {@code items}, and {@code
 * nextCursor}, the id of its last item when more follow, null otherwise. The caller reads one item
 * more than the page holds: that one says more follow.
 */
public final class CursorPage {

  private CursorPage() {}

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
