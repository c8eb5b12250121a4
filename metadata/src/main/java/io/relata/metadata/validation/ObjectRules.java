package io.relata.metadata.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.FormulaResult;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.definition.ValidationRule;
import io.relata.metadata.name.NameRules;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.record.RecordReader;
import io.relata.metadata.type.FieldTypeSpec;
import io.relata.metadata.type.FieldTypes;
import io.relata.metadata.type.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules one object definition must keep on its own, beyond its structure: names, duplicates,
 * references within the object, and options that only make sense together; each field's own options
 * are checked by its type's spec. References to other objects are {@link ModelRules}'.
 */
public final class ObjectRules {

  /**
   * PostgreSQL allows 1,600 columns per table; a change is refused long before, with a margin for
   * columns that are dropped but still count until the table is rewritten.
   */
  public static final int MAX_COLUMNS = 1000;

  private static final String STAGE = "stage";

  private final ObjectDefinition object;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Problem> problems = new ArrayList<>();

  private ObjectRules(ObjectDefinition object) {
    this.object = object;
  }

  /** Every problem of {@code object}; empty when it keeps all the rules. */
  public static List<Problem> check(ObjectDefinition object) {
    ObjectRules rules = new ObjectRules(object);
    rules.checkObject();
    return List.copyOf(rules.problems);
  }

  private void checkObject() {
    name("/name", object.name());
    Set<String> seen = new HashSet<>();
    int columns = SystemFields.COUNT;
    for (int i = 0; i < object.fields().size(); i++) {
      FieldDefinition field = object.fields().get(i);
      String at = "/fields/" + i;
      fieldName(at + "/name", field);
      if (!seen.add(field.name())) {
        add(at + "/name", "field.duplicate-name", field.name());
      }
      checkField(at, field);
      renamedFrom(at, field);
      columns += columnsOf(field.type());
    }
    if (columns > MAX_COLUMNS) {
      add("/fields", "object.too-many-columns", columns, MAX_COLUMNS);
    }
    checkNameField();
    checkStage();
    checkAbout();
    object.pipeline().ifPresent(this::checkPipeline);
    checkValidationRules();
    checkFormulas();
    checkLayouts();
    checkListViews();
  }

  private void checkField(String at, FieldDefinition field) {
    FieldType type = field.type();
    if (type instanceof FieldType.Plugin && FieldTypes.named(type.id()).isEmpty()) {
      add(at + "/type", "field.unknown-type", type.id());
      return;
    }
    if (!type.computed() && field.defaultValue().isPresent()) {
      checkDefault(at + "/defaultValue", field);
    }
    if (type.computed()) {
      if (field.required()) {
        add(at + "/required", "field.computed-option", type.id());
      }
      if (field.defaultValue().isPresent()) {
        add(at + "/defaultValue", "field.computed-option", type.id());
      }
    }
    FieldTypeSpec spec = FieldTypes.of(type);
    if (field.unique() && !spec.uniqueAllowed()) {
      add(at + "/unique", "field.unique-unsupported", type.id());
    }
    if (field.indexed() && !spec.indexAllowed()) {
      add(at + "/indexed", "field.index-unsupported", type.id());
    }
    problems.addAll(spec.checkOptions(at, type, object));
  }

  /** A rename names a field that no longer exists; otherwise the diff could not tell them apart. */
  private void renamedFrom(String at, FieldDefinition field) {
    field
        .renamedFrom()
        .filter(from -> from.equals(field.name()) || object.field(from).isPresent())
        .ifPresent(from -> add(at + "/renamedFrom", "field.renamed-from-existing", from));
  }

  private void checkNameField() {
    Optional<FieldDefinition> nameField = object.field(object.nameField());
    if (nameField.isEmpty()) {
      add("/nameField", "object.unknown-field", object.nameField());
      return;
    }
    FieldType type = nameField.get().type();
    boolean names =
        type instanceof FieldType.Text
            || type instanceof FieldType.AutoNumber
            || (type instanceof FieldType.Formula f && f.resultType() == FormulaResult.TEXT);
    if (!names) {
      add("/nameField", "object.name-field-type", type.id());
    }
  }

  private void checkStage() {
    List<Integer> stages = new ArrayList<>();
    for (int i = 0; i < object.fields().size(); i++) {
      if (object.fields().get(i).type() instanceof FieldType.Stage) {
        stages.add(i);
      }
    }
    if (!stages.isEmpty() && object.pipeline().isEmpty()) {
      add("/fields/" + stages.get(0) + "/type", "field.stage-without-pipeline");
    }
    for (int extra : stages.subList(Math.min(1, stages.size()), stages.size())) {
      add("/fields/" + extra + "/type", "field.duplicate-stage");
    }
  }

  /**
   * An object's records are about at most one record each, and follow either that record or a
   * master: access has one parent to ask.
   */
  private void checkAbout() {
    List<Integer> about = new ArrayList<>();
    boolean master = false;
    for (int i = 0; i < object.fields().size(); i++) {
      FieldType type = object.fields().get(i).type();
      if (type instanceof FieldType.About) {
        about.add(i);
      }
      master |= type instanceof FieldType.MasterDetail;
    }
    for (int extra : about.subList(Math.min(1, about.size()), about.size())) {
      add("/fields/" + extra + "/type", "field.duplicate-about");
    }
    if (!about.isEmpty() && master) {
      add("/fields/" + about.get(0) + "/type", "field.about-with-master");
    }
  }

  private void checkPipeline(Pipeline pipeline) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < pipeline.stages().size(); i++) {
      Pipeline.Stage stage = pipeline.stages().get(i);
      String at = "/pipeline/stages/" + i;
      if (!names.add(stage.name())) {
        add(at + "/name", "pipeline.duplicate-stage", stage.name());
      }
      fieldRefs(at + "/requiredFields", stage.requiredFields());
      if (stage.guard().isPresent()) {
        try {
          ConditionChecker.condition(
              ConditionParser.parse(stage.guard().get().condition()), object, Scope.WRITE);
        } catch (ConditionException e) {
          problems.add(e.problem(at + "/guard/condition"));
        }
      }
    }
    for (int i = 0; i < pipeline.stages().size(); i++) {
      List<String> next = pipeline.stages().get(i).next();
      for (int j = 0; j < next.size(); j++) {
        if (!names.contains(next.get(j))) {
          add("/pipeline/stages/" + i + "/next/" + j, "pipeline.unknown-stage", next.get(j));
        }
      }
    }
  }

  /**
   * A default value must be a value the field takes: it is read as a client's value would be, every
   * problem reported at the default.
   */
  private void checkDefault(String at, FieldDefinition field) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    try {
      record.set(field.name(), JSON.readTree(field.defaultValue().get()));
    } catch (java.io.IOException e) {
      add(at, "field.default-value", "json");
      return;
    }
    for (Problem problem : RecordReader.readChanges(object, record).problems()) {
      String inside =
          problem
              .pointer()
              .substring(Math.min(problem.pointer().length(), field.name().length() + 1));
      problems.add(new Problem(at + inside, problem.code(), problem.args()));
    }
  }

  private void checkValidationRules() {
    unique("/validationRules", object.validationRules(), ValidationRule::name, "rule");
    for (int i = 0; i < object.validationRules().size(); i++) {
      String at = "/validationRules/" + i + "/condition";
      try {
        ConditionChecker.condition(
            ConditionParser.parse(object.validationRules().get(i).condition()),
            object,
            Scope.WRITE);
      } catch (ConditionException e) {
        problems.add(e.problem(at));
      }
    }
    for (int i = 0; i < object.validationRules().size(); i++) {
      int index = i;
      object
          .validationRules()
          .get(i)
          .field()
          .ifPresent(f -> fieldRef("/validationRules/" + index + "/field", f));
    }
  }

  /**
   * Formulas must type-check and produce their declared type, and may refer to other formulas — but
   * not in a cycle, which could never be computed.
   */
  private void checkFormulas() {
    Map<String, Set<String>> refersTo = new LinkedHashMap<>();
    for (int i = 0; i < object.fields().size(); i++) {
      FieldDefinition field = object.fields().get(i);
      if (field.type() instanceof FieldType.Formula formula) {
        String at = "/fields/" + i + "/expression";
        try {
          ConditionChecker.Checked checked =
              ConditionChecker.check(formula.expression(), object, Scope.RECORD);
          ValueType declared = ValueType.of(formula.resultType());
          if (!checked.type().fits(declared)) {
            add(at, "condition.result-type", 1, declared.label(), checked.type().label());
          }
          refersTo.put(field.name(), checked.references());
        } catch (ConditionException e) {
          problems.add(e.problem(at));
        }
      }
    }
    for (String formula : refersTo.keySet()) {
      if (reaches(formula, formula, refersTo, new HashSet<>())) {
        int index = object.fields().indexOf(object.field(formula).orElseThrow());
        add("/fields/" + index + "/expression", "condition.cycle", formula);
      }
    }
  }

  private static boolean reaches(
      String from, String target, Map<String, Set<String>> refersTo, Set<String> seen) {
    for (String next : refersTo.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(next, target, refersTo, seen))) {
        return true;
      }
    }
    return false;
  }

  private void checkLayouts() {
    unique("/layouts", object.layouts(), Layout::name, "layout");
    for (int i = 0; i < object.layouts().size(); i++) {
      List<Layout.Section> sections = object.layouts().get(i).sections();
      for (int s = 0; s < sections.size(); s++) {
        fieldRefs("/layouts/" + i + "/sections/" + s + "/fields", sections.get(s).fields());
      }
    }
  }

  private void checkListViews() {
    unique("/listViews", object.listViews(), ListView::name, "list-view");
    for (int i = 0; i < object.listViews().size(); i++) {
      ListView view = object.listViews().get(i);
      fieldRefs("/listViews/" + i + "/columns", view.columns());
      for (int s = 0; s < view.sort().size(); s++) {
        String field = view.sort().get(s);
        fieldRef(
            "/listViews/" + i + "/sort/" + s, field.startsWith("-") ? field.substring(1) : field);
      }
      String at = "/listViews/" + i + "/filter";
      view.filter().ifPresent(filter -> checkFilter(at, filter));
    }
  }

  /** A list view's filter must be a condition that SQL can run on the object. */
  private void checkFilter(String at, String text) {
    try {
      ConditionChecker.condition(ConditionParser.parse(text), object, Scope.QUERY);
    } catch (ConditionException e) {
      problems.add(e.problem(at));
    }
  }

  private <T> void unique(String at, List<T> items, Function<T, String> name, String kind) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String n = name.apply(items.get(i));
      if (!seen.add(n)) {
        add(at + "/" + i + "/name", kind + ".duplicate-name", n);
      }
    }
  }

  private void fieldRefs(String at, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      fieldRef(at + "/" + i, fields.get(i));
    }
  }

  private void fieldRef(String at, String field) {
    boolean system = SystemFields.NAMES.contains(field);
    if (object.field(field).isEmpty() && !system) {
      add(at, "object.unknown-field", field);
    }
  }

  /**
   * A stage field is the object's {@code stage} system column made visible, so it is the one field
   * that carries a system name, and must.
   */
  private void fieldName(String at, FieldDefinition field) {
    boolean stage = field.type().kind() == FieldKind.STAGE;
    if (stage && !field.name().equals(STAGE)) {
      add(at, "field.stage-name", STAGE);
    } else if (!stage || !field.name().equals(STAGE)) {
      name(at, field.name());
    }
  }

  private void name(String at, String candidate) {
    NameRules.check(candidate).ifPresent(v -> add(at, v.code(), candidate, NameRules.MAX_LENGTH));
  }

  private void add(String pointer, String code, Object... args) {
    problems.add(Problem.at(pointer, code, args));
  }

  private static int columnsOf(FieldType type) {
    if (type instanceof FieldType.Currency c && c.perRecord()) {
      return 2; // amount and currency code
    }
    return type instanceof FieldType.Formula ? 0 : 1; // formulas are computed on read
  }
}
