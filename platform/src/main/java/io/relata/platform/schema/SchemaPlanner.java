package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.derived;
import static io.relata.platform.schema.Identifiers.quote;
import static io.relata.platform.schema.Identifiers.table;

import io.relata.metadata.change.Change;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.OnDelete;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** The plan step that keeps a deleted field's column aside ({@code platform.setaside}). */
  public static final String SET_ASIDE_COLUMN = "schema.set-aside-column";

  /** The plan step that keeps a deleted object's table aside. */
  public static final String SET_ASIDE_TABLE = "schema.set-aside-table";

  /** The plan step that gives a restored field its column back. */
  public static final String RESTORE_COLUMN = "schema.restore-column";

  /** The plan step that gives a restored object its table back. */
  public static final String RESTORE_TABLE = "schema.restore-table";

  private static final String CURRENCY = "_currency";

  /** Rows above which an index is built after the change, concurrently with writers. */
  public static final long DEFER_ROWS = 10_000;

  private final long revision;
  private final Map<String, ObjectDefinition> model = new LinkedHashMap<>();
  private final TableStats stats;
  private final List<SchemaStep> steps = new ArrayList<>();
  private final List<SchemaStep> constraints = new ArrayList<>();
  private final List<SchemaStep> searchSteps = new ArrayList<>();
  private final List<SchemaStep> rollUpFills = new ArrayList<>();
  private final Set<String> created = new HashSet<>();
  private final Set<String> creating = new HashSet<>();
  private final Set<String> searchReplaced = new HashSet<>();
  private final Set<String> searchRefreshed = new HashSet<>();
  private final Map<String, List<Problem>> refused = new LinkedHashMap<>();

  private SchemaPlanner(long revision, List<ObjectDefinition> after, TableStats stats) {
    this.revision = revision;
    after.forEach(o -> model.put(o.name(), o));
    this.stats = stats;
  }

  /**
   * The plan for {@code changes}, which turn the model into {@code after} as revision {@code
   * revision}. Tables come first and foreign keys last, so that objects referring to each other can
   * be created in one change.
   */
  public static SchemaPlan plan(
      long revision, List<Change> changes, List<ObjectDefinition> after, TableStats stats) {
    SchemaPlanner planner = new SchemaPlanner(revision, after, stats);
    for (Change change : changes) {
      if (change instanceof Change.ObjectAdded added
          && added.definition().restoredFrom().isEmpty()) {
        planner.creating.add(added.object());
      }
    }
    changes.forEach(planner::step);
    List<SchemaStep> all = new ArrayList<>(planner.steps);
    all.addAll(planner.searchSteps);
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
      if (added.definition().restoredFrom().isPresent()) {
        restoreTable(added.definition());
      } else {
        createTable(added.definition());
      }
    } else if (change instanceof Change.ObjectRemoved removed) {
      setAsideTable(removed.definition());
    } else if (change instanceof Change.FieldAdded added) {
      if (added.field().restoredFrom().isPresent()) {
        restoreField(model.get(added.object()), added.field());
      } else {
        addField(model.get(added.object()), added.field());
      }
    } else if (change instanceof Change.FieldRemoved removed) {
      setAsideField(removed.object(), removed.field());
    } else if (change instanceof Change.FieldRenamed renamed) {
      renameField(renamed);
    } else if (change instanceof Change.FieldChanged changed) {
      changeField(model.get(changed.object()), changed);
    } else if (change instanceof Change.ObjectChanged changed) {
      changeObject(model.get(changed.object()), changed);
    }
  }

  /**
   * A deleted object's table stays where it is, with its records, its indexes and the records about
   * them, until it is restored or erased ({@code platform.setaside}): only its links to other
   * tables go, so that those can delete their records meanwhile. Its name stays taken until then.
   */
  private void setAsideTable(ObjectDefinition object) {
    String name = object.name();
    for (FieldDefinition field : object.fields()) {
      if (isReference(field.type())) {
        steps.add(dropForeignKey(name, field.name()));
      }
    }
    steps.add(
        SchemaStep.destructive(
            "COMMENT ON TABLE " + table(name) + " IS 'set aside by revision " + revision + "'",
            SET_ASIDE_TABLE,
            name,
            stats.rows(name)));
  }

  /**
   * A restored object gets its table back as it was deleted, and its links again. Restoring it as
   * something else is refused: it is restored first, then changed.
   */
  private void restoreTable(ObjectDefinition object) {
    String name = object.name();
    long deletedBy = object.restoredFrom().orElseThrow();
    ObjectDefinition stored = stats.objectSetAside(name).get(deletedBy);
    if (stored == null) {
      refuse(name, "/restoredFrom", "object.not-restorable", name, deletedBy);
      return;
    }
    if (!columns(stored).equals(columns(object))) {
      refuse(name, "/restoredFrom", "object.restore-changed", name, deletedBy);
      return;
    }
    long rows = stats.rows(name);
    steps.add(
        SchemaStep.of(
            "COMMENT ON TABLE " + table(name) + " IS NULL", RESTORE_TABLE, name, rows, deletedBy));
    if (!SearchVector.expression(stored).equals(SearchVector.expression(object))) {
      searchSteps.add(SearchVector.function(object));
      refreshSearch(name, rows);
    }
    for (FieldDefinition field : object.fields()) {
      if (isReference(field.type())) {
        links(object, field, field.name());
      }
    }
    Set<String> existing = stats.indexes(name);
    object.listViews().stream()
        .flatMap(view -> Indexes.forView(object, view).stream())
        .filter(index -> !existing.contains(index.name()))
        .forEach(this::index);
  }

  /** What of an object's definition its table holds: each field's column and constraints. */
  private static Map<String, List<Object>> columns(ObjectDefinition object) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    columns.put("stage", List.of(object.pipeline().isPresent()));
    for (FieldDefinition field : object.fields()) {
      columns.put(field.name(), storage(field));
    }
    return columns;
  }

  /** What a field's column is: type, currency column, constraints, numbering. */
  private static List<Object> storage(FieldDefinition field) {
    return List.of(
        columnType(field.type()),
        field.type() instanceof FieldType.Currency c && c.perRecord(),
        field.type() instanceof FieldType.AutoNumber,
        target(field.type()),
        field.required(),
        field.unique(),
        field.indexed());
  }

  /**
   * The search column's trigger is told of every change to what is searched (a searched field
   * added, removed, renamed or retyped, or another name field), which costs no rewrite. Records
   * stored before are searched by their old words until they are computed again: in the change when
   * the table is small, else by a job after its commit. A field added empty adds no words, and a
   * rename changes none, so neither computes anything again.
   */
  private void searchChange(Change change) {
    String object;
    boolean refresh;
    if (change instanceof Change.FieldAdded added) {
      object = added.object();
      if (!SearchVector.searchable(added.field().type())) {
        return;
      }
      refresh =
          added.field().restoredFrom().isPresent()
              || (added.field().required() && SqlLiterals.of(added.field()).isPresent());
    } else if (change instanceof Change.FieldRemoved removed) {
      object = removed.object();
      if (!SearchVector.searchable(removed.field().type())) {
        return;
      }
      refresh = true;
    } else if (change instanceof Change.FieldRenamed renamed) {
      object = renamed.object();
      if (model.get(object) == null
          || model
              .get(object)
              .field(renamed.to())
              .filter(f -> SearchVector.searchable(f.type()))
              .isEmpty()) {
        return;
      }
      refresh = false;
    } else if (change instanceof Change.FieldChanged changed) {
      object = changed.object();
      boolean was = SearchVector.searchable(changed.before().type());
      boolean is = SearchVector.searchable(changed.after().type());
      if (!was && !is) {
        return;
      }
      refresh = was != is;
    } else if (change instanceof Change.ObjectChanged changed) {
      object = changed.object();
      if (!changed.parts().contains("nameField")) {
        return;
      }
      refresh = true;
    } else {
      return;
    }
    if (!model.containsKey(object) || created.contains(object)) {
      return;
    }
    if (searchReplaced.add(object)) {
      searchSteps.add(0, SearchVector.function(model.get(object)));
    }
    if (refresh) {
      refreshSearch(object, stats.rows(object));
    }
  }

  /** Computes the search words of an object's records again: in the change, or after it. */
  private void refreshSearch(String object, long rows) {
    if (rows > 0 && searchRefreshed.add(object)) {
      String update = "UPDATE " + table(object) + " SET " + quote(SearchVector.COLUMN) + " = NULL";
      searchSteps.add(
          rows > DEFER_ROWS
              ? SchemaStep.later(update, "schema.refresh-search-later", object, rows)
              : SchemaStep.of(update, "schema.refresh-search", object, rows));
    }
  }

  private void createTable(ObjectDefinition object) {
    Map<Long, ObjectDefinition> setAside = stats.objectSetAside(object.name());
    if (!setAside.isEmpty()) {
      refuse(
          object.name(),
          "/name",
          "object.name-set-aside",
          object.name(),
          setAside.keySet().iterator().next());
      return;
    }
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
    columns.add(SearchVector.column());
    created.add(object.name());
    steps.add(
        SchemaStep.of(
            "CREATE TABLE " + table(object.name()) + " (" + String.join(", ", columns) + ")",
            "schema.create-table",
            object.name()));
    steps.add(SearchVector.function(object));
    steps.add(SearchVector.trigger(object.name()));
    Indexes.system(object).forEach(this::index);
    for (FieldDefinition field : object.fields()) {
      fieldExtras(object.name(), field);
    }
    object.listViews().forEach(view -> Indexes.forView(object, view).ifPresent(this::index));
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
    Indexes.forField(object, field).ifPresent(this::index);
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

  /**
   * Rows of {@code object} whose reference in {@code column} names no record; a table this plan
   * creates has none yet, so every reference to it does.
   */
  private long dangling(String object, FieldDefinition field, String column) {
    return creating.contains(targetObject(field.type()))
        ? stats.values(object, column)
        : stats.dangling(object, column, target(field.type()).orElseThrow());
  }

  /** The object a lookup or master-detail names; empty for other fields. */
  private static String targetObject(FieldType type) {
    if (type instanceof FieldType.Lookup lookup) {
      return lookup.target();
    } else if (type instanceof FieldType.MasterDetail md) {
      return md.target();
    }
    return "";
  }

  /** The table a reference field's values name rows of, quoted; empty for other fields. */
  private static Optional<String> target(FieldType type) {
    if (type instanceof FieldType.Lookup lookup) {
      return Optional.of(table(lookup.target()));
    } else if (type instanceof FieldType.MasterDetail md) {
      return Optional.of(table(md.target()));
    } else if (type instanceof FieldType.User) {
      return Optional.of("\"relata\".\"app_user\"");
    }
    return Optional.empty();
  }

  private Optional<SchemaStep> foreignKey(String object, FieldDefinition field) {
    Optional<String> table = target(field.type());
    if (table.isEmpty()) {
      return Optional.empty();
    }
    String target = table.get() + " (\"id\")";
    String onDelete;
    if (field.type() instanceof FieldType.Lookup lookup) {
      onDelete = onDelete(lookup.onDelete());
    } else if (field.type() instanceof FieldType.MasterDetail) {
      onDelete = "CASCADE";
    } else {
      onDelete = "SET NULL";
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

  /**
   * A deleted field's column is kept, with its values, under a name of its own until it is restored
   * or erased ({@code platform.setaside}). What would get in the way of saves meanwhile goes: its
   * NOT NULL, its index (which saves would keep up to date), its link. The field's name is free at
   * once.
   */
  private void setAsideField(String object, FieldDefinition field) {
    if (columnType(field.type()).isEmpty()) {
      return; // a formula has no column
    }
    if (isReference(field.type())) {
      steps.add(dropForeignKey(object, field.name()));
    }
    // every index the field brought: its name is the next field of the name's
    Indexes.forField(object, field).ifPresent(this::dropIndex);
    if (field.required() && !field.type().computed()) {
      steps.add(
          SchemaStep.of(
              "ALTER TABLE "
                  + table(object)
                  + " ALTER COLUMN "
                  + quote(field.name())
                  + " DROP NOT NULL",
              "schema.drop-not-null",
              object,
              field.name()));
    }
    steps.add(
        SchemaStep.destructive(
            moveColumns(object, field, columns(field), asideColumns(revision, field)),
            SET_ASIDE_COLUMN,
            object,
            field.name(),
            stats.values(object, field.name())));
  }

  /**
   * A restored field gets its column back with the values it had when deleted, under the name the
   * change gives it; records saved meanwhile have none. It may come back with other labels or
   * options, but not with another kind of column: it is restored first, then changed.
   */
  private void restoreField(ObjectDefinition object, FieldDefinition field) {
    String name = object.name();
    long deletedBy = field.restoredFrom().orElseThrow();
    String was = field.renamedFrom().orElse(field.name());
    FieldDefinition stored = stats.fieldSetAside(name, was).get(deletedBy);
    if (stored == null) {
      refuse(object, field, "/restoredFrom", "field.not-restorable", was, deletedBy);
      return;
    }
    if (!targetObject(stored.type()).equals(targetObject(field.type()))) {
      refuse(
          object,
          field,
          "/restoredFrom",
          "field.restore-other-target",
          was,
          targetObject(stored.type()),
          targetObject(field.type()));
      return;
    }
    if (!storage(stored).subList(0, 4).equals(storage(field).subList(0, 4))) {
      refuse(
          object,
          field,
          "/restoredFrom",
          "field.restore-other-type",
          was,
          stored.type().id(),
          field.type().id());
      return;
    }
    String aside = Identifiers.aside(deletedBy, was);
    long rows = stats.rows(name);
    long values = stats.values(name, aside);
    boolean notNull = field.required() && !field.type().computed();
    Optional<String> fill = SqlLiterals.of(field);
    long dangling = isReference(field.type()) ? dangling(name, field, aside) : 0;
    if (field.unique() && stats.duplicates(name, aside) > 0) {
      refuse(object, field, "/unique", "field.values-not-unique", stats.duplicates(name, aside));
      return;
    }
    // a master-detail's orphans are deleted below; a required lookup's cannot be cleared
    long empty = rows - values + (field.type() instanceof FieldType.MasterDetail ? 0 : dangling);
    if (notNull && empty > 0 && (fill.isEmpty() || dangling > 0)) {
      refuse(object, field, "/required", "field.required-with-empty-values", empty);
      return;
    }
    steps.add(
        SchemaStep.of(
            moveColumns(name, field, asideColumns(deletedBy, stored), columns(field)),
            RESTORE_COLUMN,
            name,
            field.name(),
            values,
            was,
            deletedBy));
    if (isReference(field.type())) {
      links(object, field, aside);
    }
    String column = quote(field.name());
    if (notNull) {
      if (rows > values) {
        steps.add(
            SchemaStep.of(
                "UPDATE "
                    + table(name)
                    + " SET "
                    + column
                    + " = "
                    + fill.get()
                    + " WHERE "
                    + column
                    + " IS NULL",
                "schema.fill-empty",
                name,
                field.name(),
                rows - values));
      }
      steps.add(
          SchemaStep.of(
              "ALTER TABLE " + table(name) + " ALTER COLUMN " + column + " SET NOT NULL",
              "schema.set-not-null",
              name,
              field.name()));
    }
    Indexes.forField(name, field).ifPresent(this::index);
    rollUpFill(object, field);
  }

  /** The columns a deleted field's values are kept in until it is restored or erased. */
  public static List<String> asideColumns(long revision, FieldDefinition field) {
    return columns(field).stream().map(column -> Identifiers.aside(revision, column)).toList();
  }

  /** A field's columns: its value's, and its currency's when it has one of its own. */
  private static List<String> columns(FieldDefinition field) {
    return field.type() instanceof FieldType.Currency c && c.perRecord()
        ? List.of(field.name(), currencyColumn(field))
        : List.of(field.name());
  }

  /**
   * Renames a field's columns (its value's, and its currency's if it has one of its own) from
   * {@code fromColumns} to {@code toColumns}, and its numbering if it has one: one statement per
   * rename, run as one step.
   */
  private static String moveColumns(
      String object, FieldDefinition field, List<String> fromColumns, List<String> toColumns) {
    String from = fromColumns.get(0);
    String to = toColumns.get(0);
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < fromColumns.size(); i++) {
      sql.add(
          "ALTER TABLE "
              + table(object)
              + " RENAME COLUMN "
              + quote(fromColumns.get(i))
              + " TO "
              + quote(toColumns.get(i)));
    }
    if (field.type() instanceof FieldType.AutoNumber) {
      sql.add(
          "ALTER SEQUENCE "
              + quote(Identifiers.SCHEMA)
              + "."
              + quote(derived(object, from, "seq"))
              + " RENAME TO "
              + quote(derived(object, to, "seq")));
    }
    return String.join("; ", sql);
  }

  /**
   * The link of a reference field that comes back; {@code column} is where its values are when the
   * plan is made. Records it referred to may have been deleted meanwhile: such references are
   * cleared first, or — for a master-detail, whose master's deletion deletes its details — their
   * records deleted, as the link would have done.
   */
  private void links(ObjectDefinition object, FieldDefinition field, String column) {
    String name = object.name();
    String now = quote(field.name());
    String target = target(field.type()).orElseThrow();
    long dangling = dangling(name, field, column);
    if (dangling > 0) {
      String orphan =
          " WHERE "
              + now
              + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
              + target
              + " r WHERE r.\"id\" = "
              + table(name)
              + "."
              + now
              + ")";
      steps.add(
          field.type() instanceof FieldType.MasterDetail
              ? SchemaStep.destructive(
                  "DELETE FROM " + table(name) + orphan,
                  "schema.delete-orphans",
                  name,
                  field.name(),
                  dangling)
              : SchemaStep.of(
                  "UPDATE " + table(name) + " SET " + now + " = NULL" + orphan,
                  "schema.clear-dangling",
                  name,
                  field.name(),
                  dangling));
    }
    foreignKey(name, field).ifPresent(constraints::add);
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
      Indexes.forField(name, after).ifPresent(this::index);
    }
    if (!before.type().equals(after.type())
        && (isReference(before.type()) || isReference(after.type()))) {
      if (isReference(before.type())) {
        steps.add(dropForeignKey(name, after.name()));
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

  /**
   * Indexes that object-level parts bring: another name field gets its name index instead of the
   * old one, a shared list view whose sort changed gets its index again, a new one its first.
   */
  private void changeObject(ObjectDefinition object, Change.ObjectChanged changed) {
    if (!changed.parts().contains("nameField") && !changed.parts().contains("listViews")) {
      return;
    }
    Set<String> existing = new HashSet<>(stats.indexes(object.name()));
    Map<String, Indexes.Index> is = objectLevel(object);
    for (Indexes.Index was : objectLevel(changed.before()).values()) {
      Indexes.Index now = is.get(was.name());
      if ((now == null || !now.keys().equals(was.keys())) && existing.remove(was.name())) {
        dropIndex(was);
      }
    }
    is.values().stream().filter(index -> !existing.contains(index.name())).forEach(this::index);
  }

  /** The indexes that follow object-level parts, by name: the name field's, the list views'. */
  private static Map<String, Indexes.Index> objectLevel(ObjectDefinition object) {
    Map<String, Indexes.Index> indexes = new LinkedHashMap<>();
    Indexes.Index name = Indexes.forName(object);
    indexes.put(name.name(), name);
    object.listViews().stream()
        .flatMap(view -> Indexes.forView(object, view).stream())
        .forEach(index -> indexes.put(index.name(), index));
    return indexes;
  }

  /**
   * Creates an index in the change, or — on a table of more than {@value #DEFER_ROWS} rows that was
   * there before — leaves it to a job that builds it {@code CONCURRENTLY} after the commit, so that
   * writers do not wait for the build. A unique index is built in the change whatever the size: it
   * is what refuses duplicates, and a concurrent build would let them in meanwhile.
   */
  private void index(Indexes.Index index) {
    long rows = created.contains(index.object()) ? 0 : stats.rows(index.object());
    if (!index.unique() && rows > DEFER_ROWS) {
      steps.add(
          SchemaStep.later(
              index.create(true), "schema.build-index", index.object(), index.part(), rows));
    } else {
      steps.add(
          SchemaStep.of(
              index.create(false),
              index.unique() ? "schema.create-unique-index" : "schema.create-index",
              index.object(),
              index.part(),
              rows));
    }
  }

  private static SchemaStep dropForeignKey(String object, String field) {
    return SchemaStep.of(
        "ALTER TABLE "
            + table(object)
            + " DROP CONSTRAINT IF EXISTS "
            + quote(derived(object, field, "fkey")),
        "schema.drop-foreign-key",
        object,
        field);
  }

  private void dropIndex(Indexes.Index index) {
    steps.add(
        SchemaStep.of(
            "DROP INDEX IF EXISTS " + quote(Identifiers.SCHEMA) + "." + quote(index.name()),
            "schema.drop-index",
            index.object(),
            index.part()));
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

  private void refuse(String object, String pointer, String code, Object... args) {
    refused.computeIfAbsent(object, k -> new ArrayList<>()).add(Problem.at(pointer, code, args));
  }

  static String currencyColumn(FieldDefinition field) {
    return field.name() + CURRENCY;
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
