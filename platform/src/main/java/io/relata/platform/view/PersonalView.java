package io.relata.platform.view;

import java.util.List;
import java.util.Optional;

/**
 * A list view a user saved for themselves: the columns, filter and sort of one object's list.
 *
 * @param name its name in paths, unique per user and object
 * @param filter a condition in the one condition language
 * @param sort e.g. {@code -amount,title} as fields, {@code -} for descending
 */
public record PersonalView(
    String object,
    String name,
    String label,
    List<String> columns,
    Optional<String> filter,
    List<String> sort) {

  public PersonalView {
    columns = List.copyOf(columns);
    sort = List.copyOf(sort);
  }
}
