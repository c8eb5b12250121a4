package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;
import java.util.List;
import java.util.Optional;

/**
 * The search column of an object table: a {@code tsvector} generated from the object's text fields,
 * folded to lower case without accents ({@code relata.search_text}), the name field weighted above
 * the rest, with a GIN index. Generated in the row, so a write never waits for a search index
 * elsewhere and search never sees a stale record.
 */
public final class SearchVector {

  /** The column; its leading underscore keeps it apart from every field name. */
  public static final String COLUMN = "_search";

  private SearchVector() {}

  /** Whether a field's text is searched. */
  public static boolean searchable(FieldType type) {
    return FieldTypes.of(type).searchable();
  }

  /** Whether the object has a search column: it has at least one searched field. */
  public static boolean exists(ObjectDefinition object) {
    return object.fields().stream().anyMatch(f -> searchable(f.type()));
  }

  /**
   * {@code ALTER TABLE ... ADD COLUMN _search ...} and its index; empty when nothing is searched.
   */
  static List<SchemaStep> add(ObjectDefinition object) {
    Optional<String> expression = expression(object);
    if (expression.isEmpty()) {
      return List.of();
    }
    StringBuilder vector = new StringBuilder(expression.get());
    String table = Identifiers.table(object.name());
    return List.of(
        SchemaStep.of(
            "ALTER TABLE "
                + table
                + " ADD COLUMN "
                + quote(COLUMN)
                + " tsvector GENERATED ALWAYS AS ("
                + vector
                + ") STORED",
            "schema.add-search",
            object.name()),
        SchemaStep.of(
            "CREATE INDEX "
                + quote(Identifiers.derived(object.name(), COLUMN, "gin"))
                + " ON "
                + table
                + " USING gin ("
                + quote(COLUMN)
                + ")",
            "schema.create-index",
            object.name(),
            COLUMN));
  }

  /**
   * The text search vector of the object's searched fields, the name field weighted above the rest;
   * empty when nothing is searched. The search column stores it; a search by a user who may not see
   * every searched field computes it from the fields they may see instead.
   */
  public static Optional<String> expression(ObjectDefinition object) {
    Optional<String> name =
        object.field(object.nameField()).filter(f -> searchable(f.type())).map(f -> f.name());
    List<String> rest =
        object.fields().stream()
            .filter(f -> searchable(f.type()))
            .map(FieldDefinition::name)
            .filter(f -> name.isEmpty() || !f.equals(name.get()))
            .toList();
    if (name.isEmpty() && rest.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder vector = new StringBuilder();
    name.ifPresent(n -> vector.append(weighted(List.of(n), 'A')));
    if (!rest.isEmpty()) {
      vector.append(vector.length() > 0 ? " || " : "").append(weighted(rest, 'B'));
    }
    return Optional.of(vector.toString());
  }

  /** Drops the column (with its index), so that the fields it is made of can change. */
  static SchemaStep drop(String object) {
    return SchemaStep.of(
        "ALTER TABLE " + Identifiers.table(object) + " DROP COLUMN IF EXISTS " + quote(COLUMN),
        "schema.drop-search",
        object);
  }

  private static String weighted(List<String> fields, char weight) {
    String text =
        String.join(
            " || ' ' || ",
            fields.stream().map(f -> "coalesce(" + quote(f) + "::text, '')").toList());
    return "setweight(to_tsvector('simple'::regconfig, relata.search_text("
        + text
        + ")), '"
        + weight
        + "')";
  }
}
