package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;
import java.util.List;
import java.util.Optional;

/**
 * The search column of an object table: a {@code tsvector} of the object's text fields, folded to
 * lower case without accents ({@code relata.search_text}), the name field weighted above the rest,
 * with a GIN index. It is kept in the row by a trigger on every insert and update, so a write never
 * waits for a search index elsewhere and search never sees a stale record; and, unlike a generated
 * column, a field added to or taken from the search does not rewrite the table: the trigger's
 * function is replaced, and the records stored before are brought up to date by a job after the
 * change's commit ({@code platform.build}).
 */
public final class SearchVector {

  /** The column; its leading underscore keeps it apart from every field name. */
  public static final String COLUMN = "_search";

  private SearchVector() {}

  /** Whether a field's text is searched. */
  public static boolean searchable(FieldType type) {
    return FieldTypes.of(type).searchable();
  }

  /** Whether anything of the object is searched (every table has the column, maybe empty). */
  public static boolean exists(ObjectDefinition object) {
    return object.fields().stream().anyMatch(f -> searchable(f.type()));
  }

  /** The column as {@code CREATE TABLE} declares it. */
  static String column() {
    return quote(COLUMN) + " tsvector";
  }

  /**
   * {@code CREATE OR REPLACE FUNCTION} of the trigger that fills the column: replaced whenever the
   * searched fields, their names or the name field change, which costs no rewrite.
   */
  static SchemaStep function(ObjectDefinition object) {
    return SchemaStep.of(
        "CREATE OR REPLACE FUNCTION "
            + function(object.name())
            + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW."
            + quote(COLUMN)
            + " := "
            + expression(object, "NEW.").orElse("NULL")
            + "; RETURN NEW; END$$",
        "schema.search-function",
        object.name());
  }

  /**
   * The statements that give an existing table's column its trigger, for tables made before the
   * column was kept by one: the function, and the trigger made again.
   */
  public static List<String> install(ObjectDefinition object) {
    return List.of(
        function(object).sql(),
        "DROP TRIGGER IF EXISTS "
            + quote(Identifiers.derived(object.name(), COLUMN, "trg"))
            + " ON "
            + Identifiers.table(object.name()),
        trigger(object.name()).sql());
  }

  /** The trigger of a new table. */
  static SchemaStep trigger(String object) {
    return SchemaStep.of(
        "CREATE TRIGGER "
            + quote(Identifiers.derived(object, COLUMN, "trg"))
            + " BEFORE INSERT OR UPDATE ON "
            + Identifiers.table(object)
            + " FOR EACH ROW EXECUTE FUNCTION "
            + function(object)
            + "()",
        "schema.search-trigger",
        object);
  }

  /** Drops the function of a table that went (its trigger went with the table). */
  static SchemaStep dropFunction(String object) {
    return SchemaStep.of(
        "DROP FUNCTION IF EXISTS " + function(object) + "()",
        "schema.drop-search-function",
        object);
  }

  /** The qualified, quoted name of the object's trigger function. */
  static String function(String object) {
    return quote(Identifiers.SCHEMA) + "." + quote(Identifiers.derived(object, COLUMN, "fn"));
  }

  /**
   * The text search vector of the object's searched fields, the name field weighted above the rest;
   * empty when nothing is searched. The trigger stores it; a search by a user who may not see every
   * searched field computes it from the fields they may see instead.
   */
  public static Optional<String> expression(ObjectDefinition object) {
    return expression(object, "");
  }

  /** The vector over columns named with {@code prefix}: {@code NEW.} in the trigger. */
  static Optional<String> expression(ObjectDefinition object, String prefix) {
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
    name.ifPresent(n -> vector.append(weighted(List.of(n), 'A', prefix)));
    if (!rest.isEmpty()) {
      vector.append(vector.length() > 0 ? " || " : "").append(weighted(rest, 'B', prefix));
    }
    return Optional.of(vector.toString());
  }

  private static String weighted(List<String> fields, char weight, String prefix) {
    String text =
        String.join(
            " || ' ' || ",
            fields.stream().map(f -> "coalesce(" + prefix + quote(f) + "::text, '')").toList());
    return "setweight(to_tsvector('simple'::regconfig, relata.search_text("
        + text
        + ")), '"
        + weight
        + "')";
  }
}
