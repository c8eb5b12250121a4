package io.relata.platform.record;

import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.definition.ValidationRule;
import io.relata.metadata.schema.RecordSchema;
import io.relata.metadata.type.ColumnType;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.schema.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An object prepared for reading and writing records: its stored columns, its fields (system ones
 * included), its formulas in the order they must be computed and its validation rules, parsed once
 * per metadata revision.
 */
public final class CompiledObject {

  /** A formula field with its parsed expression. */
  record Formula(FieldDefinition field, FieldType.Formula type, Typed expression) {}

  /** An active validation rule with its parsed condition. */
  record Rule(ValidationRule rule, Typed condition) {}

  private final ObjectDefinition definition;
  private final List<Column> columns;
  private final Map<String, FieldDefinition> fields;
  private final List<Formula> formulas;
  private final List<Rule> rules;
  private final Map<String, Typed> guards;
  private final String selectList;

  CompiledObject(ObjectDefinition definition) {
    this.definition = definition;
    Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    List<Column> stored = new ArrayList<>();
    for (FieldDefinition system : SystemFields.of(definition)) {
      byName.put(system.name(), system);
      stored.add(new Column(system.name(), ColumnValues.storage(system.type())));
    }
    for (FieldDefinition field : definition.fields()) {
      byName.put(field.name(), field);
      if (FieldTypes.column(field.type()).isPresent()) {
        stored.add(new Column(field.name(), ColumnValues.storage(field.type())));
      }
      if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
        stored.add(new Column(RecordSchema.currencyOf(field.name()), ColumnType.Storage.TEXT));
      }
    }
    this.fields = Collections.unmodifiableMap(byName);
    this.columns = List.copyOf(stored);
    this.formulas = formulasInOrder(definition);
    this.rules =
        definition.validationRules().stream()
            .filter(ValidationRule::active)
            .map(r -> new Rule(r, check(r.condition(), definition, Scope.WRITE).typed()))
            .toList();
    Map<String, Typed> byStage = new LinkedHashMap<>();
    definition
        .pipeline()
        .ifPresent(
            pipeline ->
                pipeline
                    .stages()
                    .forEach(
                        stage ->
                            stage
                                .guard()
                                .ifPresent(
                                    guard ->
                                        byStage.put(
                                            stage.name(),
                                            check(guard.condition(), definition, Scope.WRITE)
                                                .typed()))));
    this.guards = Collections.unmodifiableMap(byStage);
    this.selectList =
        columns.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
  }

  public ObjectDefinition definition() {
    return definition;
  }

  public String name() {
    return definition.name();
  }

  /** The qualified, quoted table. */
  public String table() {
    return Identifiers.table(definition.name());
  }

  /** Every stored column, system columns first. */
  List<Column> columns() {
    return columns;
  }

  /** The quoted stored columns, comma-separated, for {@code SELECT}. */
  String selectList() {
    return selectList;
  }

  /** The field named {@code name}, custom or system. */
  public Optional<FieldDefinition> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** Every field, system fields first, formulas included. */
  public java.util.Collection<FieldDefinition> fields() {
    return fields.values();
  }

  List<Formula> formulas() {
    return formulas;
  }

  List<Rule> rules() {
    return rules;
  }

  /** The guard condition of entering {@code stage}, when the stage has one. */
  java.util.Optional<Typed> guard(String stage) {
    return java.util.Optional.ofNullable(guards.get(stage));
  }

  /** Formulas may use formulas; each is computed after those it uses (cycles are refused). */
  private static List<Formula> formulasInOrder(ObjectDefinition object) {
    Map<String, Formula> pending = new LinkedHashMap<>();
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    for (FieldDefinition field : object.fields()) {
      if (field.type() instanceof FieldType.Formula formula) {
        ConditionChecker.Checked checked = check(formula.expression(), object, Scope.RECORD);
        pending.put(field.name(), new Formula(field, formula, checked.typed()));
        uses.put(field.name(), checked.references());
      }
    }
    List<Formula> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        boolean ready =
            uses.get(entry.getKey()).stream()
                .noneMatch(ref -> pending.containsKey(ref) && !ref.equals(entry.getKey()));
        if (ready) {
          ordered.add(entry.getValue());
          done.add(entry.getKey());
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("formula cycle in a compiled model: " + pending.keySet());
      }
    }
    return List.copyOf(ordered);
  }

  /** A condition of a compiled model: the metadata engine has checked it when it was saved. */
  private static ConditionChecker.Checked check(
      String source, ObjectDefinition object, Scope scope) {
    try {
      return ConditionChecker.check(source, object, scope);
    } catch (ConditionException e) {
      throw new IllegalStateException("a condition of a compiled model does not check", e);
    }
  }
}
