package io.relata.metadata.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the platform decides differently for one field type, in one place: how its value is
 * typed in conditions, stored, queried, sorted, grouped, summed, searched, described as JSON Schema
 * for writes and for reads, read from a spreadsheet cell, and edited on screens. The built-in types
 * are a closed set ({@link BuiltInTypes}); a plugin adds a type under a namespaced name ({@code
 * acme__rating}) through {@link FieldTypeProvider}, found by the same lookup ({@link FieldTypes}).
 */
public interface FieldTypeSpec {

  /** The type's name in documents: {@code multi-picklist}, {@code acme__rating}. */
  String id();

  /** The editor screens show for a value of this type, by its id ({@code text-field}). */
  String editor();

  /** The value's type in the condition language. */
  ValueType valueType(FieldType type);

  /** The column that stores the value; empty for values computed on read (formulas). */
  Optional<ColumnType> column(FieldType type);

  /** The tests a query may apply to the field; empty when it cannot be queried. */
  Set<QueryTest> queryTests();

  /** Whether lists may sort by the field: its column has an order. */
  boolean sortable();

  /** Whether aggregates may group by the field. */
  boolean groupable();

  /**
   * The aggregate functions ({@code sum avg min max}) the field takes; {@code count} needs none.
   */
  Set<String> metrics();

  /** Whether global search reads the field's text. */
  boolean searchable();

  /** Whether the value is a reference to a record or user, which reads may expand. */
  boolean reference();

  /** Whether a unique constraint may hold the field's values. */
  default boolean uniqueAllowed() {
    return true;
  }

  /** Whether the field's column may have an index. */
  default boolean indexAllowed() {
    return true;
  }

  /**
   * What is wrong with the options of a field of this type in {@code object} ({@code at} is the
   * field's JSON pointer); checked when metadata is saved.
   */
  default List<Problem> checkOptions(String at, FieldType type, ObjectDefinition object) {
    return List.of();
  }

  /**
   * A client's value ({@code json}, not null) as the type's Java value, or {@code null} after the
   * reader has recorded why not. By default a value is read by its schema ({@link
   * ValueReader#bySchema}), which is all a plugin's type needs.
   */
  default Object read(ValueReader reader, String at, JsonNode json, FieldType type) {
    return reader.bySchema(at, json, type);
  }

  /** Adds the JSON Schema of a value a client writes ({@code type}, bounds, enumerations). */
  void writeSchema(ObjectNode schema, FieldType type, ObjectDefinition object);

  /** Adds the OpenAPI schema of a value a client reads. */
  void readSchema(ObjectNode schema, FieldType type, ObjectDefinition object);

  /**
   * A spreadsheet cell as the JSON value a client would have written ({@code "1 234,5"} with a
   * decimal comma as {@code 1234.5}, {@code "x"} as {@code true}); the record reader then checks it
   * like any other. {@code text} is not empty.
   */
  JsonNode cell(String text, boolean decimalComma);
}
