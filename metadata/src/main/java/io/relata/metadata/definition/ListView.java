package io.relata.metadata.definition;

import java.util.List;
import java.util.Optional;

/**
 * A saved list of records: columns, filter and sort. A shared view's filter and sort are backed by
 * an index that the schema migrator derives from it.
 *
 * @param labels the label in other languages
 * @param sort field names, each prefixed with {@code -} for descending order
 */
public record ListView(
    String name,
    String label,
    Translations labels,
    List<String> columns,
    Optional<String> filter,
    List<String> sort,
    boolean shared) {

  public ListView {
    columns = List.copyOf(columns);
    sort = List.copyOf(sort);
  }
}
