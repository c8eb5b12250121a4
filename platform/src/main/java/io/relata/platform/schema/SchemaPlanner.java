package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.derived;
import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import io.relata.metadata.change.Change;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.OnDelete;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns metadata changes into DDL for PostgreSQL. Conversions that could lose or reject data are
 * checked against the data ({@link TableStats}) and refused with the reason; destructive steps are
 * marked so that they run only when confirmed.
 */
public final class SchemaPlanner {

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

  private final Map<String, ObjectDefinition> model = new LinkedHashMap<>();
  private final TableStats stats;
  private final List<SchemaStep> steps = new ArrayList<>();
  private final List<SchemaStep> constraints = new ArrayList<>();
  private final List<SchemaStep> searchDrops = new ArrayList<>();
  private final List<SchemaStep> searchAdds = new ArrayList<>();
  private final List<SchemaStep> rollUpFills = new ArrayList<>();
  private final java.util.Set<String> searchRebuilt = new java.util.HashSet<>();
  private final Map<String, List<Problem>> refused = new LinkedHashMap<>();

  private SchemaPlanner(List<ObjectDefinition> after, TableStats stats) {
    after.forEach(o -> model.put(o.name(), o));
    this.stats = stats;
  }

  /**
   * The plan for {@code changes}, which turn the model into {@code after}. Tables come first and
   * foreign keys last, so that objects referring to each other can be created in one change.
   */
  public static SchemaPlan plan(
      List<Change> changes, List<ObjectDefinition> after, TableStats stats) {
    SchemaPlanner planner = new SchemaPlanner(after, stats);
    changes.forEach(planner::step);
    List<SchemaStep> all = new ArrayList<>(planner.searchDrops);
    all.addAll(planner.steps);
    all.addAll(planner.searchAdds);
    all.addAll(planner.rollUpFills);
    all.addAll(planner.constraints);
    StorageNames.collisions(after)
        .forEach(
            (object, found) ->
                planner.refused.computeIfAbsent(object, k -> new ArrayList<>()).addAll(found));
    return new SchemaPlan(all, planner.refused);
  }

  private void step(Change change) {
    searchChange(change);
    if (change instanceof Change.ObjectAdded added) {
      createTable(added.definition());
    } else if (change instanceof Change.ObjectRemoved removed) {
      String object = removed.object();
      steps.add(
          SchemaStep.destructive(
              "DROP TABLE " + table(object), "schema.drop-table", object, stats.rows(object)));
      aboutRemoved(object);
    } else if (change instanceof Change.FieldAdded added) {
      addField(model.get(added.object()), added.field());
    } else if (change instanceof Change.FieldRemoved removed) {
      dropField(removed.object(), removed.field());
    } else if (change instanceof Change.FieldRenamed renamed) {
      renameField(renamed);
    } else if (change instanceof Change.FieldChanged changed) {
      changeField(model.get(changed.object()), changed);
    } else if (change instanceof Change.ObjectChanged changed) {
      changeObject(model.get(changed.object()), changed);
    }
  }

  /**
   * Records about records of a removed object (its activities) would be read by nobody and purged
   * by nothing: they go with the object.
   */
  private void aboutRemoved(String object) {
    for (ObjectDefinition referring : model.values()) {
      for (FieldDefinition field : referring.fields()) {
        if (field.type() instanceof FieldType.About) {
          steps.add(
              SchemaStep.destructive(
                  "DELETE FROM "
                      + table(referring.name())
                      + " WHERE "
                      + quote(field.name())
                      + "->>'object' = '"
                      + object.replace("'", "''")
                      + "'",
                  "schema.delete-about",
                  object,
                  referring.name()));
        }
      }
    }
  }

  /**
   * The search column is generated from the searched fields: PostgreSQL will not retype or drop a
   * column it is made of, so it is dropped first and generated again last whenever a searched field
   * comes, goes or changes type, or the name field changes. Renames need nothing.
   */
  private void searchChange(Change change) {
    String object;
    boolean existed = true;
    boolean affected;
    if (change instanceof Change.ObjectAdded added) {
      object = added.definition().name();
      existed = false;
      affected = true;
    } else if (change instanceof Change.FieldAdded added) {
      object = added.object();
      affected = SearchVector.searchable(added.field().type());
    } else if (change instanceof Change.FieldRemoved removed) {
      object = removed.object();
      affected = SearchVector.searchable(removed.field().type());
    } else if (change instanceof Change.FieldChanged changed) {
      object = changed.object();
      affected =
          (SearchVector.searchable(changed.before().type())
                  || SearchVector.searchable(changed.after().type()))
              && !columnType(changed.before().type()).equals(columnType(changed.after().type()));
    } else if (change instanceof Change.ObjectChanged changed) {
      object = changed.object();
      affected = changed.parts().contains("nameField");
    } else {
      return;
    }
    if (!affected || !model.containsKey(object) || !searchRebuilt.add(object)) {
      return;
    }
    if (existed) {
      searchDrops.add(SearchVector.drop(object));
    }
    searchAdds.addAll(SearchVector.add(model.get(object)));
  }

  private void createTable(ObjectDefinition object) {
    List<String> columns = new ArrayList<>();
    columns.add("\"id\" uuid PRIMARY KEY");
    columns.add("\"owner_id\" uuid NOT NULL");
    columns.add("\"created_at\" timestamptz NOT NULL");
    columns.add("\"created_by\" uuid NOT NULL");
    columns.add("\"updated_at\" timestamptz NOT NULL");
    columns.add("\"updated_by\" uuid NOT NULL");
    columns.add("\"version\" bigint NOT NULL DEFAULT 1");
    columns.add("\"deleted_at\" timestamptz");
    if (object.pipeline().isPresent() && object.field("stage").isEmpty()) {
      columns.add("\"stage\" text");
    }
    for (FieldDefinition field : object.fields()) {
      columnDefinitions(field).forEach(columns::add);
    }
    steps.add(
        SchemaStep.of(
            "CREATE TABLE " + table(object.name()) + " (" + String.join(", ", columns) + ")",
            "schema.create-table",
            object.name()));
    index(object.name(), "owner_id", "idx", "(\"owner_id\")", false);
    index(object.name(), "created_at", "idx", "(\"created_at\" DESC, \"id\" DESC)", false);
    index(
        object.name(),
        object.nameField(),
        "name_idx",
        "(" + quote(object.nameField()) + ", \"id\")",
        false);
    for (FieldDefinition field : object.fields()) {
      fieldExtras(object.name(), field);
    }
    object.listViews().forEach(view -> listViewIndex(object, view));
  }

  private List<String> columnDefinitions(FieldDefinition field) {
    List<String> columns = new ArrayList<>();
    columnType(field.type())
        .ifPresent(
            type ->
                columns.add(
                    quote(field.name())
                        + " "
                        + type
                        + (field.required() && !field.type().computed() ? " NOT NULL" : "")));
    if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
      columns.add(quote(currencyColumn(field)) + " char(3)");
    }
    return columns;
  }

  /** Indexes, foreign keys and sequences that a field brings. */
  private void fieldExtras(String object, FieldDefinition field) {
    String column = quote(field.name());
    if (field.unique()) {
      index(object, field.name(), "key", "(" + column + ")", true);
    } else if (field.indexed() || isReference(field.type())) {
      index(object, field.name(), "idx", "(" + column + ")", false);
    } else if (field.type() instanceof FieldType.About) {
      // the timeline and the recycle bin look up the records about one record by its id
      index(object, field.name(), "idx", "((" + column + "->>'id'))", false);
    }
    foreignKey(object, field).ifPresent(constraints::add);
    if (field.type() instanceof FieldType.AutoNumber auto) {
      steps.add(
          SchemaStep.of(
              "CREATE SEQUENCE "
                  + quote(Identifiers.SCHEMA)
                  + "."
                  + quote(derived(object, field.name(), "seq"))
                  + " START "
                  + auto.start()
                  + " OWNED BY "
                  + table(object)
                  + "."
                  + column,
              "schema.create-sequence",
              object,
              field.name()));
    }
  }

  private Optional<SchemaStep> foreignKey(String object, FieldDefinition field) {
    String target;
    String onDelete;
    if (field.type() instanceof FieldType.Lookup lookup) {
      target = table(lookup.target()) + " (\"id\")";
      onDelete = onDelete(lookup.onDelete());
    } else if (field.type() instanceof FieldType.MasterDetail md) {
      target = table(md.target()) + " (\"id\")";
      onDelete = "CASCADE";
    } else if (field.type() instanceof FieldType.User) {
      target = "\"relata\".\"app_user\" (\"id\")";
      onDelete = "SET NULL";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        SchemaStep.of(
            "ALTER TABLE "
                + table(object)
                + " ADD CONSTRAINT "
                + quote(derived(object, field.name(), "fkey"))
                + " FOREIGN KEY ("
                + quote(field.name())
                + ") REFERENCES "
                + target
                + " ON DELETE "
                + onDelete,
            "schema.add-foreign-key",
            object,
            field.name()));
  }

  private void addField(ObjectDefinition object, FieldDefinition field) {
    long rows = stats.rows(object.name());
    boolean notNull = field.required() && !field.type().computed();
    Optional<String> fill = SqlLiterals.of(field);
    if (notNull && rows > 0 && fill.isEmpty()) {
      refuse(object, field, "/required", "field.required-needs-default", rows);
      return;
    }
    List<String> definitions = columnDefinitions(field);
    for (String definition : definitions) {
      String sql = "ALTER TABLE " + table(object.name()) + " ADD COLUMN " + definition;
      if (notNull && rows > 0 && definition.startsWith(quote(field.name()) + " ")) {
        sql = sql.replace(" NOT NULL", " NOT NULL DEFAULT " + fill.get());
      }
      steps.add(SchemaStep.of(sql, "schema.add-column", object.name(), field.name()));
    }
    fieldExtras(object.name(), field);
    rollUpFill(object, field);
  }

  /**
   * A roll-up added to (or redefined on) an object with records starts from its children's current
   * values, computed in the same transaction; writes keep it current from then on.
   */
  private void rollUpFill(ObjectDefinition object, FieldDefinition field) {
    if (!(field.type() instanceof FieldType.RollUp rollUp) || stats.rows(object.name()) == 0) {
      return;
    }
    String summary = RollUpSql.summary(rollUp, "child.");
    rollUpFills.add(
        SchemaStep.of(
            "UPDATE "
                + table(object.name())
                + " AS parent SET "
                + quote(field.name())
                + " = (SELECT "
                + summary
                + " FROM "
                + table(rollUp.object())
                + " AS child WHERE child."
                + quote(rollUp.relation())
                + " = parent.\"id\" AND child.\"deleted_at\" IS NULL)",
            "schema.fill-roll-up",
            object.name(),
            field.name(),
            stats.rows(object.name())));
  }

  private void dropField(String object, FieldDefinition field) {
    if (columnType(field.type()).isEmpty()) {
      return; // a formula has no column
    }
    steps.add(
        SchemaStep.destructive(
            "ALTER TABLE " + table(object) + " DROP COLUMN " + quote(field.name()),
            "schema.drop-column",
            object,
            field.name(),
            stats.values(object, field.name())));
    if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
      steps.add(
          SchemaStep.destructive(
              "ALTER TABLE " + table(object) + " DROP COLUMN " + quote(currencyColumn(field)),
              "schema.drop-column",
              object,
              currencyColumn(field),
              stats.values(object, currencyColumn(field))));
    }
  }

  private void renameField(Change.FieldRenamed renamed) {
    String object = renamed.object();
    FieldDefinition after = model.get(object).field(renamed.to()).orElseThrow();
    if (columnType(after.type()).isEmpty()) {
      return;
    }
    steps.add(
        SchemaStep.of(
            "ALTER TABLE "
                + table(object)
                + " RENAME COLUMN "
                + quote(renamed.from())
                + " TO "
                + quote(renamed.to()),
            "schema.rename-column",
            object,
            renamed.from(),
            renamed.to()));
    for (String suffix : List.of("idx", "key")) {
      steps.add(
          SchemaStep.of(
              "ALTER INDEX IF EXISTS "
                  + quote(Identifiers.SCHEMA)
                  + "."
                  + quote(derived(object, renamed.from(), suffix))
                  + " RENAME TO "
                  + quote(derived(object, renamed.to(), suffix)),
              "schema.rename-index",
              object,
              renamed.to()));
    }
    if (isReference(after.type())) {
      steps.add(
          SchemaStep.of(
              "ALTER TABLE "
                  + table(object)
                  + " RENAME CONSTRAINT "
                  + quote(derived(object, renamed.from(), "fkey"))
                  + " TO "
                  + quote(derived(object, renamed.to(), "fkey")),
              "schema.rename-constraint",
              object,
              renamed.to()));
    }
  }

  private void changeField(ObjectDefinition object, Change.FieldChanged changed) {
    FieldDefinition before = changed.before();
    FieldDefinition after = changed.after();
    if (!before.type().equals(after.type())) {
      rollUpFill(object, after);
    }
    if (!changed.storageChanged()) {
      return;
    }
    String name = object.name();
    String column = quote(after.name());
    Optional<String> from = columnType(before.type());
    Optional<String> to = columnType(after.type());
    if (from.isEmpty() || to.isEmpty()) {
      if (from.isPresent() || to.isPresent()) {
        refuse(
            object, after, "/type", "field.unsafe-retype", before.type().id(), after.type().id());
      }
      return;
    }
    if (before.type() instanceof FieldType.About != after.type() instanceof FieldType.About) {
      // both JSON, but other JSON is no link to a record
      refuse(object, after, "/type", "field.unsafe-retype", before.type().id(), after.type().id());
      return;
    }
    if (!from.get().equals(to.get())) {
      Optional<String> reason = conversionProblem(name, after.name(), from.get(), to.get());
      if (reason.isPresent()) {
        refuse(
            object,
            after,
            "/type",
            reason.get(),
            before.type().id(),
            after.type().id(),
            from.get(),
            to.get());
        return;
      }
      steps.add(
          SchemaStep.of(
              "ALTER TABLE "
                  + table(name)
                  + " ALTER COLUMN "
                  + column
                  + " TYPE "
                  + to.get()
                  + " USING "
                  + column
                  + "::"
                  + to.get(),
              "schema.alter-column-type",
              name,
              after.name(),
              to.get()));
    }
    if (!before.required() && after.required()) {
      long missing = stats.rows(name) - stats.values(name, after.name());
      if (missing > 0) {
        refuse(object, after, "/required", "field.required-with-empty-values", missing);
        return;
      }
      steps.add(
          SchemaStep.of(
              "ALTER TABLE " + table(name) + " ALTER COLUMN " + column + " SET NOT NULL",
              "schema.set-not-null",
              name,
              after.name()));
    } else if (before.required() && !after.required()) {
      steps.add(
          SchemaStep.of(
              "ALTER TABLE " + table(name) + " ALTER COLUMN " + column + " DROP NOT NULL",
              "schema.drop-not-null",
              name,
              after.name()));
    }
    boolean indexedBefore = before.indexed() || before.unique() || isReference(before.type());
    boolean indexedAfter = after.indexed() || after.unique() || isReference(after.type());
    if (after.unique() && !before.unique()) {
      long duplicates = stats.duplicates(name, after.name());
      if (duplicates > 0) {
        refuse(object, after, "/unique", "field.values-not-unique", duplicates);
        return;
      }
    }
    if (before.unique() != after.unique() || indexedBefore != indexedAfter) {
      dropIndex(name, after.name(), before.unique() ? "key" : "idx");
      if (after.unique()) {
        index(name, after.name(), "key", "(" + column + ")", true);
      } else if (indexedAfter) {
        index(name, after.name(), "idx", "(" + column + ")", false);
      }
    }
    if (!before.type().equals(after.type())
        && (isReference(before.type()) || isReference(after.type()))) {
      if (isReference(before.type())) {
        steps.add(
            SchemaStep.of(
                "ALTER TABLE "
                    + table(name)
                    + " DROP CONSTRAINT IF EXISTS "
                    + quote(derived(name, after.name(), "fkey")),
                "schema.drop-foreign-key",
                name,
                after.name()));
      }
      foreignKey(name, after).ifPresent(constraints::add);
    }
  }

  /**
   * Why converting existing values from one column type to another is not safe, or empty when it
   * is: widening is always safe; narrowing text is safe when no value is too long; anything else is
   * refused.
   */
  private Optional<String> conversionProblem(String object, String column, String from, String to) {
    Matcher fromVarchar = VARCHAR.matcher(from);
    Matcher toVarchar = VARCHAR.matcher(to);
    boolean fromText = from.equals("text") || fromVarchar.matches();
    if (to.equals("text")
        && (fromText
            || from.startsWith("numeric")
            || from.equals("boolean")
            || from.startsWith("varchar"))) {
      return Optional.empty();
    }
    if (toVarchar.matches() && (fromText || from.startsWith("numeric"))) {
      int length = Integer.parseInt(toVarchar.group(1));
      boolean widening = fromVarchar.matches() && Integer.parseInt(fromVarchar.group(1)) <= length;
      return widening || stats.longerThan(object, column, length) == 0
          ? Optional.empty()
          : Optional.of("field.values-too-long");
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches()) {
      int fromScale = Integer.parseInt(fromNumeric.group(2));
      int toScale = Integer.parseInt(toNumeric.group(2));
      int fromInteger = Integer.parseInt(fromNumeric.group(1)) - fromScale;
      int toInteger = Integer.parseInt(toNumeric.group(1)) - toScale;
      return toScale >= fromScale && toInteger >= fromInteger
          ? Optional.empty()
          : Optional.of("field.unsafe-retype");
    }
    if (from.equals("date") && to.equals("timestamptz")) {
      return Optional.empty();
    }
    return Optional.of("field.unsafe-retype");
  }

  private void changeObject(ObjectDefinition object, Change.ObjectChanged changed) {
    if (changed.parts().contains("listViews")) {
      object.listViews().forEach(view -> listViewIndex(object, view));
    }
  }

  /**
   * A shared list view's sort is backed by an index, so that its first page is an index scan
   * whatever the table's size. Created if missing: views whose sort did not change keep theirs.
   */
  private void listViewIndex(ObjectDefinition object, ListView view) {
    if (!view.shared() || view.sort().isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>();
    for (String key : view.sort()) {
      boolean descending = key.startsWith("-");
      keys.add(quote(descending ? key.substring(1) : key) + (descending ? " DESC" : ""));
    }
    // the tie-breaker runs in the last key's direction, as list queries order it
    keys.add("\"id\"" + (view.sort().get(view.sort().size() - 1).startsWith("-") ? " DESC" : ""));
    steps.add(
        SchemaStep.of(
            "CREATE INDEX IF NOT EXISTS "
                + quote(derived(object.name(), view.name(), "view"))
                + " ON "
                + table(object.name())
                + " ("
                + String.join(", ", keys)
                + ")",
            "schema.create-index",
            object.name(),
            view.name()));
  }

  private void index(String object, String column, String suffix, String keys, boolean unique) {
    steps.add(
        SchemaStep.of(
            "CREATE "
                + (unique ? "UNIQUE " : "")
                + "INDEX "
                + quote(derived(object, column, suffix))
                + " ON "
                + table(object)
                + " "
                + keys,
            unique ? "schema.create-unique-index" : "schema.create-index",
            object,
            column));
  }

  private void dropIndex(String object, String column, String suffix) {
    steps.add(
        SchemaStep.of(
            "DROP INDEX IF EXISTS "
                + quote(Identifiers.SCHEMA)
                + "."
                + quote(derived(object, column, suffix)),
            "schema.drop-index",
            object,
            column));
  }

  private void refuse(
      ObjectDefinition object, FieldDefinition field, String part, String code, Object... args) {
    int index = object.fields().indexOf(field);
    refused
        .computeIfAbsent(object.name(), k -> new ArrayList<>())
        .add(Problem.at("/fields/" + index + part, code, args));
  }

  static String currencyColumn(FieldDefinition field) {
    return field.name() + "_currency";
  }

  static boolean isReference(FieldType type) {
    return type instanceof FieldType.Lookup
        || type instanceof FieldType.MasterDetail
        || type instanceof FieldType.User;
  }

  private static String onDelete(OnDelete onDelete) {
    return switch (onDelete) {
      case RESTRICT -> "RESTRICT";
      case SET_NULL -> "SET NULL";
      case CASCADE -> "CASCADE";
    };
  }

  /** The column type of {@code type}, as DDL; empty for formulas. */
  private static Optional<String> columnType(FieldType type) {
    return FieldTypes.column(type).map(ColumnType::sql);
  }
}
