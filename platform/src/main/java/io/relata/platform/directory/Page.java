package io.relata.platform.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of a directory list, in the API's list shape. Lists are ordered by a unique name
 * (username or group name); the cursor is that name of the last item, base64url-encoded.
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  /** The page of {@code rows}, read with one row more than {@code limit} to know if more follow. */
  static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, encode(key.apply(items.get(limit - 1))));
  }

  /**
   * Every item of a list, read a page at a time from {@code read} (given the cursor of the page
   * before, empty for the first): for screens that show an organisation's users or groups whole.
   */
  public static <T> List<T> every(java.util.function.Function<Optional<String>, Page<T>> read) {
    List<T> all = new java.util.ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<T> page = read.apply(cursor);
      all.addAll(page.items());
      cursor = Optional.ofNullable(page.nextCursor());
    } while (cursor.isPresent());
    return all;
  }

  static String encode(String name) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  /** The name in a cursor; empty when the text is not one this list made. */
  static Optional<String> decode(String cursor) {
    try {
      String name = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return name.isEmpty() || name.length() > 200 ? Optional.empty() : Optional.of(name);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
