package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.derived;
import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The indexes an object's table has, by name: the one list the planner creates them from, the
 * storage names are checked against, and an index build after a change ({@code platform.build})
 * completes the table to.
 */
public final class Indexes {

  /**
   * One index of an object's table.
   *
   * @param name the index's name in the schema {@code records}
   * @param part the field, system column or list view it serves, as a plan names it
   * @param keys what follows the table in {@code CREATE INDEX}: {@code ("owner_id")}, or {@code
   *     USING gin (...)}
   */
  public record Index(String object, String name, String part, String keys, boolean unique) {

    /** {@code CREATE INDEX}, or with {@code concurrently} the form that lets writers go on. */
    public String create(boolean concurrently) {
      return "CREATE "
          + (unique ? "UNIQUE " : "")
          + "INDEX "
          + (concurrently ? "CONCURRENTLY " : "")
          + "IF NOT EXISTS "
          + quote(name)
          + " ON "
          + table(object)
          + " "
          + keys;
    }
  }

  private Indexes() {}

  /** Every index of {@code object}'s table, system columns first. */
  public static List<Index> of(ObjectDefinition object) {
    List<Index> all = new ArrayList<>(system(object));
    for (FieldDefinition field : object.fields()) {
      forField(object.name(), field).ifPresent(all::add);
    }
    for (ListView view : object.listViews()) {
      forView(object, view).ifPresent(all::add);
    }
    return all;
  }

  /** The indexes every table has: owner, newest first, name, search. */
  static List<Index> system(ObjectDefinition object) {
    String name = object.name();
    return List.of(
        new Index(name, derived(name, "owner_id", "idx"), "owner_id", "(\"owner_id\")", false),
        new Index(
            name,
            derived(name, "created_at", "idx"),
            "created_at",
            "(\"created_at\" DESC, \"id\" DESC)",
            false),
        forName(object),
        new Index(
            name,
            derived(name, SearchVector.COLUMN, "gin"),
            SearchVector.COLUMN,
            "USING gin (" + quote(SearchVector.COLUMN) + ")",
            false));
  }

  /** The index on the name field, which lists sort by and lookups search in. */
  static Index forName(ObjectDefinition object) {
    String name = object.name();
    return new Index(
        name,
        derived(name, object.nameField(), "name_idx"),
        object.nameField(),
        "(" + quote(object.nameField()) + ", \"id\")",
        false);
  }

  /**
   * The index a field brings: unique ones a key, indexed and reference fields an index, and an
   * about field one on the id it links to (the timeline and the recycle bin look records up by it).
   */
  public static Optional<Index> forField(String object, FieldDefinition field) {
    String column = quote(field.name());
    String keys;
    if (field.unique() || field.indexed() || SchemaPlanner.isReference(field.type())) {
      keys = "(" + column + ")";
    } else if (field.type() instanceof FieldType.About) {
      keys = "((" + column + "->>'id'))";
    } else {
      return Optional.empty();
    }
    String suffix = field.unique() ? "key" : "idx";
    return Optional.of(
        new Index(
            object, derived(object, field.name(), suffix), field.name(), keys, field.unique()));
  }

  /**
   * A shared list view's sort is backed by an index, so that its first page is an index scan
   * whatever the table's size; the tie-breaker runs in the last key's direction, as list queries
   * order it.
   */
  public static Optional<Index> forView(ObjectDefinition object, ListView view) {
    if (!view.shared() || view.sort().isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    for (String key : view.sort()) {
      boolean descending = key.startsWith("-");
      keys.add(quote(descending ? key.substring(1) : key) + (descending ? " DESC" : ""));
    }
    keys.add("\"id\"" + (view.sort().get(view.sort().size() - 1).startsWith("-") ? " DESC" : ""));
    return Optional.of(
        new Index(
            object.name(),
            derived(object.name(), view.name(), "view"),
            view.name(),
            "(" + String.join(", ", keys) + ")",
            false));
  }
}
