package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keyset pagination: the order is the sort keys and then {@code id}, in the last key's direction,
 * so it is total and a page starts strictly after the last row of the previous one — stable under
 * concurrent inserts, with no {@code OFFSET} to scan. Nulls sort as PostgreSQL sorts them by
 * default (last ascending, first descending), so that the object's indexes serve the order. When no
 * key can be null and all run one way the condition is a row comparison, which an index on the same
 * keys answers directly; otherwise it is spelled out key by key.
 */
public final class Keyset {

  private static final Set<String> NOT_NULL =
      Set.of("id", "owner_id", "created_at", "created_by", "updated_at", "updated_by", "version");

  private final List<SortKey> keys;

  /**
   * @param id the object's {@code id} field, the tie-breaker
   */
  public Keyset(List<SortKey> sort, FieldDefinition id) {
    List<SortKey> all = new ArrayList<>(sort);
    if (all.stream().noneMatch(k -> k.field().name().equals("id"))) {
      boolean descending = !sort.isEmpty() && sort.get(sort.size() - 1).descending();
      all.add(new SortKey(id, descending));
    }
    this.keys = List.copyOf(all);
  }

  /** Every key, the tie-breaker last: a cursor holds one value per key. */
  public List<SortKey> keys() {
    return keys;
  }

  /** {@code ORDER BY ...}. */
  public String orderBy() {
    return "ORDER BY "
        + keys.stream()
            .map(k -> quote(k.field().name()) + (k.descending() ? " DESC" : ""))
            .collect(Collectors.joining(", "));
  }

  /** The rows after the one whose key values are {@code last}. */
  public Sql after(List<Object> last) {
    boolean oneWay = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
    boolean noNulls =
        keys.stream().allMatch(k -> notNull(k.field())) && last.stream().allMatch(v -> v != null);
    if (oneWay && noNulls) {
      String columns =
          keys.stream().map(k -> quote(k.field().name())).collect(Collectors.joining(", "));
      String marks = keys.stream().map(k -> "?").collect(Collectors.joining(", "));
      return new Sql(
          "(" + columns + ") " + (keys.get(0).descending() ? "<" : ">") + " (" + marks + ")", last);
    }
    List<String> alternatives = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<String> terms = new ArrayList<>();
      List<Object> termBinds = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        terms.add(equal(keys.get(j), last.get(j), termBinds));
      }
      String beyond = beyond(keys.get(i), last.get(i), termBinds);
      if (beyond == null) {
        continue; // nothing sorts after a null ascending: no alternative, and no values bound
      }
      terms.add(beyond);
      alternatives.add("(" + String.join(" AND ", terms) + ")");
      binds.addAll(termBinds);
    }
    return new Sql(alternatives.isEmpty() ? "FALSE" : String.join(" OR ", alternatives), binds);
  }

  private static String equal(SortKey key, Object value, List<Object> binds) {
    String column = quote(key.field().name());
    if (value == null) {
      return column + " IS NULL";
    }
    binds.add(value);
    return column + " = ?";
  }

  /** Rows strictly after {@code value} in this key's order; {@code null} when there are none. */
  private static String beyond(SortKey key, Object value, List<Object> binds) {
    String column = quote(key.field().name());
    if (key.descending()) {
      if (value == null) {
        return column + " IS NOT NULL";
      }
      binds.add(value);
      return column + " < ?";
    }
    if (value == null) {
      return null;
    }
    binds.add(value);
    return "(" + column + " > ? OR " + column + " IS NULL)";
  }

  private static boolean notNull(FieldDefinition field) {
    return NOT_NULL.contains(field.name()) || (field.required() && !field.type().computed());
  }
}
