package io.relata.platform.query;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** One key of a sort: a field and a direction. {@code -amount} sorts by amount, largest first. */
public record SortKey(FieldDefinition field, boolean descending) {

  /** Without {@code sort=}: newest first, as the {@code created_at} index runs. */
  public static final String DEFAULT = "-created_at";

  public static final int MAX_KEYS = 5;

  /** The keys, or the problems with them (pointer {@code sort}). */
  public record Parsed(List<SortKey> keys, List<Problem> problems) {}

  /** Parses {@code -amount,name}; fields are looked up by {@code fields}. */
  public static Parsed parse(String text, Function<String, Optional<FieldDefinition>> fields) {
    List<SortKey> keys = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_KEYS) {
      problems.add(Problem.at("sort", "query.sort-too-many", MAX_KEYS));
      return new Parsed(List.of(), problems);
    }
    Set<String> seen = new HashSet<>();
    for (String part : parts) {
      String key = part.strip();
      boolean descending = key.startsWith("-");
      String name = descending ? key.substring(1) : key;
      Optional<FieldDefinition> field = fields.apply(name);
      if (field.isEmpty()) {
        problems.add(Problem.at("sort", "query.unknown-field", name));
      } else if (!sortable(field.get().type())) {
        problems.add(Problem.at("sort", "query.not-sortable", name));
      } else if (!seen.add(name)) {
        problems.add(Problem.at("sort", "query.sort-twice", name));
      } else {
        keys.add(new SortKey(field.get(), descending));
      }
    }
    return new Parsed(List.copyOf(keys), problems);
  }

  /** Whether a field of this type can be sorted by: it has a column with an order. */
  public static boolean sortable(FieldType type) {
    return FieldTypes.of(type).sortable();
  }
}
