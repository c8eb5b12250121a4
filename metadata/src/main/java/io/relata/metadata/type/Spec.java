package io.relata.metadata.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link FieldTypeSpec} assembled from its decisions, so that each type reads as one entry of
 * {@link BuiltInTypes} (and a plugin's type as one expression). Defaults: a text value, no column,
 * no tests, nothing sorted, grouped, summed or searched.
 */
public final class Spec implements FieldTypeSpec {

  /** Adds to a JSON Schema for a type within an object. */
  @FunctionalInterface
  public interface SchemaWriter {
    void write(ObjectNode schema, FieldType type, ObjectDefinition object);
  }

  private final String id;
  private String editor = "text-field";
  private Function<FieldType, ValueType> valueType = type -> ValueType.TEXT;
  private Function<FieldType, Optional<ColumnType>> column = type -> Optional.empty();
  private Set<QueryTest> tests = EnumSet.noneOf(QueryTest.class);
  private boolean sortable;
  private boolean groupable;
  private Set<String> metrics = Set.of();
  private boolean searchable;
  private boolean reference;
  private SchemaWriter writeSchema = (schema, type, object) -> {};
  private SchemaWriter readSchema = (schema, type, object) -> {};
  private BiFunction<String, Boolean, JsonNode> cell = Cells::text;
  private Reading reading;
  private OptionCheck checks = (at, type, object) -> List.of();
  private boolean uniqueAllowed = true;
  private boolean indexAllowed = true;

  /** Checks the options of a field of a type. */
  @FunctionalInterface
  public interface OptionCheck {
    List<Problem> check(String at, FieldType type, ObjectDefinition object);
  }

  /** Reads a client's value of a type. */
  @FunctionalInterface
  public interface Reading {
    Object read(ValueReader reader, String at, JsonNode json, FieldType type);
  }

  private Spec(String id) {
    this.id = id;
  }

  public static Spec of(String id) {
    return new Spec(id);
  }

  /** The checks of a field's options when metadata is saved. */
  public Spec checks(OptionCheck checks) {
    this.checks = checks;
    return this;
  }

  /** No unique constraint may hold the values (they have no equality an index can keep). */
  public Spec notUnique() {
    this.uniqueAllowed = false;
    return this;
  }

  /** No index may be built on the column (its values are too long or too loose for one). */
  public Spec notIndexed() {
    this.indexAllowed = false;
    return notUnique();
  }

  public Spec editor(String editor) {
    this.editor = editor;
    return this;
  }

  public Spec value(ValueType type) {
    return value(t -> type);
  }

  public Spec value(Function<FieldType, ValueType> valueType) {
    this.valueType = valueType;
    return this;
  }

  public Spec column(String sql, ColumnType.Storage storage) {
    return column(type -> new ColumnType(sql, storage));
  }

  public Spec column(Function<FieldType, ColumnType> column) {
    this.column = type -> Optional.of(column.apply(type));
    return this;
  }

  public Spec tests(QueryTest... tests) {
    this.tests = tests.length == 0 ? EnumSet.noneOf(QueryTest.class) : EnumSet.of(tests[0], tests);
    return this;
  }

  public Spec sorts() {
    this.sortable = true;
    return this;
  }

  public Spec groups() {
    this.groupable = true;
    return this;
  }

  public Spec metrics(String... metrics) {
    this.metrics = Set.of(metrics);
    return this;
  }

  public Spec searched() {
    this.searchable = true;
    return this;
  }

  public Spec refers() {
    this.reference = true;
    return this;
  }

  /** The value's JSON Schema, the same for writes and reads. */
  public Spec schema(SchemaWriter schema) {
    this.writeSchema = schema;
    this.readSchema = schema;
    return this;
  }

  public Spec writeSchema(SchemaWriter schema) {
    this.writeSchema = schema;
    return this;
  }

  public Spec readSchema(SchemaWriter schema) {
    this.readSchema = schema;
    return this;
  }

  public Spec read(Reading reading) {
    this.reading = reading;
    return this;
  }

  public Spec cell(BiFunction<String, Boolean, JsonNode> cell) {
    this.cell = cell;
    return this;
  }

  @Override
  public boolean uniqueAllowed() {
    return uniqueAllowed;
  }

  @Override
  public boolean indexAllowed() {
    return indexAllowed;
  }

  @Override
  public List<Problem> checkOptions(String at, FieldType type, ObjectDefinition object) {
    return checks.check(at, type, object);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String editor() {
    return editor;
  }

  @Override
  public ValueType valueType(FieldType type) {
    return valueType.apply(type);
  }

  @Override
  public Optional<ColumnType> column(FieldType type) {
    return column.apply(type);
  }

  @Override
  public Set<QueryTest> queryTests() {
    return Set.copyOf(tests);
  }

  @Override
  public boolean sortable() {
    return sortable;
  }

  @Override
  public boolean groupable() {
    return groupable;
  }

  @Override
  public Set<String> metrics() {
    return metrics;
  }

  @Override
  public boolean searchable() {
    return searchable;
  }

  @Override
  public boolean reference() {
    return reference;
  }

  @Override
  public void writeSchema(ObjectNode schema, FieldType type, ObjectDefinition object) {
    writeSchema.write(schema, type, object);
  }

  @Override
  public void readSchema(ObjectNode schema, FieldType type, ObjectDefinition object) {
    readSchema.write(schema, type, object);
  }

  @Override
  public Object read(ValueReader reader, String at, JsonNode json, FieldType type) {
    return reading == null ? reader.bySchema(at, json, type) : reading.read(reader, at, json, type);
  }

  @Override
  public JsonNode cell(String text, boolean decimalComma) {
    return cell.apply(text, decimalComma);
  }
}
