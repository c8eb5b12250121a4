package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.record.RecordReader;
import io.relata.metadata.schema.MetaSchema;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks automations and assignment rules against the objects they name and compiles them. Problems
 * are keyed {@code automations/<name>} and {@code assignment-rules/<name>}, pointing into the
 * document: an unknown object or field, a stage the object's pipeline lacks, a condition or formula
 * that does not type against the object, a value a field does not take, an action a before-save
 * automation cannot run, assignment rules of another object.
 */
public final class AutomationCompiler {

  /** The built-in object a task action adds a record of. */
  static final String ACTIVITY = "activity";

  private static final String KIND = "automations";
  private static final String ASSIGNMENTS = "assignment-rules";
  private static final String SCORING = "scoring-models";
  private static final String STAGE = "stage";
  private static final String OWNER = "owner_id";

  private final Map<String, ObjectDefinition> objects = new LinkedHashMap<>();
  private final Map<String, List<Problem>> problems = new LinkedHashMap<>();
  private final Map<String, AssignmentRules> assignments = new LinkedHashMap<>();
  private final MessagingCompiler messaging = new MessagingCompiler(this);

  private AutomationCompiler(Iterable<ObjectDefinition> objects) {
    objects.forEach(o -> this.objects.put(o.name(), o));
  }

  /** The outcome: the compiled automations, or the problems that stop them. */
  public record Result(Automations automations, Map<String, List<Problem>> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * The documents of the kinds that compile with automations, by kind: assignment rules, scoring
   * models, business calendars, service-level policies, email templates, webhooks and approval
   * processes.
   */
  public record Others(
      List<JsonNode> assignments,
      List<JsonNode> scoring,
      List<JsonNode> calendars,
      List<JsonNode> policies,
      List<JsonNode> templates,
      List<JsonNode> webhooks,
      List<JsonNode> approvals) {}

  /**
   * Compiles assignment rules, calendars, email templates and webhooks, and then the automations,
   * scoring models and service levels that may name them.
   */
  public static Result compile(
      List<JsonNode> documents, Others others, Iterable<ObjectDefinition> objects) {
    return new AutomationCompiler(objects).run(documents, others);
  }

  private Result run(List<JsonNode> documents, Others others) {
    List<JsonNode> assignmentDocuments = others.assignments();
    List<JsonNode> scoringDocuments = others.scoring();
    ServiceLevelCompiler levels = new ServiceLevelCompiler(this);
    Map<String, BusinessCalendar> calendars = levels.calendars(others.calendars());
    List<EmailTemplate> templates = messaging.templates(others.templates());
    List<Webhook> webhooks = messaging.webhooks(others.webhooks());
    for (AssignmentRules rules :
        each(
            ASSIGNMENTS,
            assignmentDocuments,
            MetaSchema.ASSIGNMENT_RULES,
            "assignment.duplicate-name",
            this::assignment)) {
      assignments.put(rules.name(), rules);
    }
    List<Automation> automations =
        each(KIND, documents, MetaSchema.AUTOMATION, "automation.duplicate-name", this::automation);
    List<ScoringModel> models =
        each(
            SCORING,
            scoringDocuments,
            MetaSchema.SCORING_MODEL,
            "scoring.duplicate-name",
            this::scoring);
    List<SlaPolicy> policies = levels.policies(others.policies());
    List<ApprovalProcess> approvals = new ApprovalCompiler(this).processes(others.approvals());
    if (!problems.isEmpty()) {
      return new Result(null, Map.copyOf(problems));
    }
    return new Result(
        new Automations(
            automations,
            documents,
            new Automations.Others(
                List.copyOf(assignments.values()),
                assignmentDocuments,
                models,
                scoringDocuments,
                List.copyOf(calendars.values()),
                others.calendars(),
                policies,
                others.policies(),
                templates,
                others.templates(),
                webhooks,
                others.webhooks(),
                approvals,
                others.approvals())),
        Map.of());
  }

  private Optional<ScoringModel> scoring(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    ObjectDefinition object = objects.get(objectName);
    if (object == null) {
      add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    int before = count(key);
    String field = doc.get("field").asText();
    boolean number =
        object
            .field(field)
            .filter(f -> f.type() instanceof FieldType.Number && !f.type().computed())
            .isPresent();
    if (!number) {
      add(key, Problem.at("/field", "scoring.not-a-number", field));
    }
    List<ScoringModel.Fit> fit = new ArrayList<>();
    JsonNode fits = doc.path("fit");
    for (int i = 0; i < fits.size(); i++) {
      JsonNode one = fits.get(i);
      String source = one.get("condition").asText();
      try {
        fit.add(
            new ScoringModel.Fit(
                Optional.ofNullable(one.get("label")).map(JsonNode::asText),
                source,
                ConditionChecker.condition(ConditionParser.parse(source), object, Scope.RECORD)
                    .typed(),
                one.get("points").asInt()));
      } catch (ConditionException e) {
        add(key, e.problem("/fit/" + i + "/condition"));
      }
    }
    Map<String, Integer> engagement = new LinkedHashMap<>();
    JsonNode kinds = doc.path("engagement");
    for (int i = 0; i < kinds.size(); i++) {
      String kind = kinds.get(i).get("kind").asText();
      if (!activityKind(kind)) {
        add(
            key,
            Problem.at("/engagement/" + i + "/kind", "automation.unknown-activity-kind", kind));
      }
      engagement.put(kind, kinds.get(i).get("points").asInt());
    }
    Optional<Duration> halfLife =
        doc.has("decay")
            ? Optional.of(duration(key, "/decay/halfLife", doc.get("decay").get("halfLife")))
            : Optional.empty();
    halfLife
        .filter(h -> h.isZero())
        .ifPresent(h -> add(key, Problem.at("/decay/halfLife", "automation.duration", "P0D")));
    List<ScoringModel.Threshold> thresholds = new ArrayList<>();
    JsonNode list = doc.path("thresholds");
    for (int i = 0; i < list.size(); i++) {
      threshold(key, "/thresholds/" + i, list.get(i), doc, object).ifPresent(thresholds::add);
    }
    if (count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ScoringModel(
            doc.get("name").asText(),
            doc.get("label").asText(),
            objectName,
            field,
            doc.path("active").asBoolean(true),
            fit,
            engagement,
            halfLife,
            thresholds));
  }

  /** A threshold of a scoring model: its actions run when the score rises to it. */
  private Optional<ScoringModel.Threshold> threshold(
      String key, String at, JsonNode json, JsonNode model, ObjectDefinition object) {
    int score = json.get("score").asInt();
    String label = json.has("label") ? json.get("label").asText() : model.get("label").asText();
    return afterActions(
            key,
            at + "/actions",
            json.get("actions"),
            object,
            model.get("name").asText() + "@" + score,
            label)
        .map(
            automation ->
                new ScoringModel.Threshold(
                    score,
                    Optional.ofNullable(json.get("label")).map(JsonNode::asText),
                    automation));
  }

  /**
   * Actions that run as an automation's after a write of {@code object} would (a scoring model's
   * threshold, a service level's breach), checked by the automation meta-schema and the same checks
   * at their place {@code at}; compiled into an automation of their own named {@code name}.
   */
  Optional<Automation> afterActions(
      String key, String at, JsonNode actions, ObjectDefinition object, String name, String label) {
    ObjectNode synthetic = JsonNodeFactory.instance.objectNode();
    synthetic.put("name", "actions").put("label", "actions").put("object", object.name());
    synthetic
        .putObject("trigger")
        .put("type", "record")
        .put("timing", "after")
        .putArray("on")
        .add("update");
    synthetic.set("actions", actions);
    int before = count(key);
    for (Problem problem : MetaSchema.AUTOMATION.check(synthetic)) {
      if (problem.pointer().startsWith("/actions")) {
        add(
            key,
            new Problem(
                at + problem.pointer().substring("/actions".length()),
                problem.code(),
                problem.args()));
      } else {
        add(key, new Problem(at, problem.code(), problem.args()));
      }
    }
    if (count(key) > before) {
      return Optional.empty();
    }
    Trigger trigger =
        new Trigger.OnWrite(
            Trigger.Timing.AFTER,
            EnumSet.of(Trigger.Event.UPDATE),
            List.of(),
            Optional.empty(),
            Optional.empty());
    List<Action> compiled = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      action(key, at + "/" + i, actions.get(i), object, Scope.RECORD, trigger)
          .ifPresent(compiled::add);
    }
    if (count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Automation(name, label, object.name(), true, 0, trigger, Optional.empty(), compiled));
  }

  /** Compiles one document of a kind, keyed {@code kind/name}; empty when it has problems. */
  @FunctionalInterface
  interface Compile<T> {
    Optional<T> apply(String key, JsonNode document);
  }

  /**
   * The documents of one kind compiled in order: each checked by its meta-schema and origin, its
   * name taken once, then {@code compile}d; problems keyed {@code kind/name} (a document without a
   * usable name by its position, {@code #3}).
   */
  <T> List<T> each(
      String kind,
      List<JsonNode> documents,
      MetaSchema schema,
      String duplicate,
      Compile<T> compile) {
    List<T> compiled = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      String name = doc.path("name").isTextual() ? doc.get("name").asText() : "#" + i;
      String key = kind + "/" + name;
      List<Problem> structural = new ArrayList<>(schema.check(Origin.content(doc)));
      structural.addAll(Origin.check(doc));
      if (!structural.isEmpty()) {
        structural.forEach(p -> add(key, p));
      } else if (!seen.add(name)) {
        add(key, Problem.at("/name", duplicate, name));
      } else {
        compile.apply(key, doc).ifPresent(compiled::add);
      }
    }
    return compiled;
  }

  private Optional<AssignmentRules> assignment(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    ObjectDefinition object = objects.get(objectName);
    if (object == null) {
      add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    int before = count(key);
    List<AssignmentRules.Rule> rules = new ArrayList<>();
    JsonNode list = doc.get("rules");
    for (int i = 0; i < list.size(); i++) {
      JsonNode rule = list.get(i);
      String source = rule.get("condition").asText();
      try {
        Typed condition =
            ConditionChecker.condition(ConditionParser.parse(source), object, Scope.RECORD).typed();
        rules.add(
            new AssignmentRules.Rule(
                i + 1,
                Optional.ofNullable(rule.get("label")).map(JsonNode::asText),
                source,
                condition,
                Assignee.read(rule.get("assignTo"))));
      } catch (ConditionException e) {
        add(key, e.problem("/rules/" + i + "/condition"));
      }
    }
    if (count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new AssignmentRules(
            doc.get("name").asText(),
            doc.get("label").asText(),
            objectName,
            rules,
            Assignee.read(doc.get("fallback"))));
  }

  private Optional<Automation> automation(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    ObjectDefinition object = objects.get(objectName);
    if (object == null) {
      add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    int before = count(key);
    Trigger trigger = trigger(key, doc.get("trigger"), object);
    Scope scope = trigger instanceof Trigger.OnWrite ? Scope.WRITE : Scope.RECORD;
    Optional<Typed> condition = Optional.empty();
    if (doc.has("condition")) {
      try {
        condition =
            Optional.of(
                ConditionChecker.condition(
                        ConditionParser.parse(doc.get("condition").asText()), object, scope)
                    .typed());
      } catch (ConditionException e) {
        add(key, e.problem("/condition"));
      }
    }
    List<Action> actions = new ArrayList<>();
    JsonNode list = doc.get("actions");
    for (int i = 0; i < list.size(); i++) {
      action(key, "/actions/" + i, list.get(i), object, scope, trigger).ifPresent(actions::add);
    }
    if (count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Automation(
            doc.get("name").asText(),
            doc.get("label").asText(),
            objectName,
            doc.path("active").asBoolean(true),
            doc.path("order").asInt(100),
            trigger,
            condition,
            actions));
  }

  private Trigger trigger(String key, JsonNode json, ObjectDefinition object) {
    if ("schedule".equals(json.get("type").asText())) {
      return schedule(key, json);
    }
    if ("date".equals(json.get("type").asText())) {
      String field = json.get("field").asText();
      Optional<FieldDefinition> date = SystemFields.field(object, field);
      if (date.isEmpty()) {
        add(key, Problem.at("/trigger/field", "automation.unknown-field", field));
      } else if (date.get().type().kind() != FieldKind.DATE
          && date.get().type().kind() != FieldKind.DATETIME) {
        add(key, Problem.at("/trigger/field", "automation.not-a-date", field));
      }
      return new Trigger.OnDate(field, duration(key, "/trigger/offset", json.get("offset")));
    }
    Trigger.Timing timing = Trigger.Timing.valueOf(json.get("timing").asText().toUpperCase());
    Set<Trigger.Event> events = EnumSet.noneOf(Trigger.Event.class);
    json.get("on").forEach(e -> events.add(Trigger.Event.valueOf(e.asText().toUpperCase())));
    if (timing == Trigger.Timing.BEFORE && events.contains(Trigger.Event.DELETE)) {
      add(key, Problem.at("/trigger/on", "automation.before-delete"));
    }
    List<String> fields = new ArrayList<>();
    JsonNode named = json.path("fields");
    for (int i = 0; i < named.size(); i++) {
      String field = named.get(i).asText();
      if (SystemFields.field(object, field).isEmpty()) {
        add(key, Problem.at("/trigger/fields/" + i, "automation.unknown-field", field));
      }
      fields.add(field);
    }
    Optional<String> enters = stage(key, json.path("stage"), "enters", object);
    Optional<String> leaves = stage(key, json.path("stage"), "leaves", object);
    return new Trigger.OnWrite(timing, events, fields, enters, leaves);
  }

  /** A schedule: its time, its zone (a known one) and its days, every day when none are named. */
  private Trigger schedule(String key, JsonNode json) {
    java.time.ZoneId zone = java.time.ZoneOffset.UTC;
    String named = json.path("zone").asText("UTC");
    try {
      zone = java.time.ZoneId.of(named);
    } catch (java.time.DateTimeException e) {
      add(key, Problem.at("/trigger/zone", "automation.unknown-zone", named));
    }
    Set<java.time.DayOfWeek> days = EnumSet.noneOf(java.time.DayOfWeek.class);
    json.path("days")
        .forEach(
            d ->
                days.add(
                    java.time.DayOfWeek.valueOf(d.asText().toUpperCase(java.util.Locale.ROOT))));
    return new Trigger.OnSchedule(
        java.time.LocalTime.parse(json.get("at").asText()),
        zone,
        days.isEmpty() ? EnumSet.allOf(java.time.DayOfWeek.class) : days);
  }

  private Optional<String> stage(String key, JsonNode json, String way, ObjectDefinition object) {
    if (!json.has(way)) {
      return Optional.empty();
    }
    String stage = json.get(way).asText();
    boolean known = object.pipeline().flatMap(p -> p.stage(stage)).isPresent();
    if (!known) {
      add(key, Problem.at("/trigger/stage/" + way, "automation.unknown-stage", stage));
    }
    return Optional.of(stage);
  }

  private Optional<Action> action(
      String key, String at, JsonNode json, ObjectDefinition object, Scope scope, Trigger trigger) {
    String type = json.get("type").asText();
    boolean beforeSave =
        trigger instanceof Trigger.OnWrite write && write.timing() == Trigger.Timing.BEFORE;
    if (beforeSave && !type.equals("set") && !type.equals("assign") && !type.equals("script")) {
      add(key, Problem.at(at + "/type", "automation.before-save-sets-only", type));
      return Optional.empty();
    }
    switch (type) {
      case "set":
        return Optional.of(new Action.Set(values(key, at, json, object, object, scope)));
      case "create":
        {
          String target = json.get("object").asText();
          ObjectDefinition created = objects.get(target);
          if (created == null) {
            add(key, Problem.at(at + "/object", "automation.unknown-object", target));
            return Optional.empty();
          }
          Optional<String> link = Optional.ofNullable(json.get("link")).map(JsonNode::asText);
          link.ifPresent(l -> checkLink(key, at + "/link", created, l, object));
          return Optional.of(
              new Action.Create(target, link, values(key, at, json, created, object, scope)));
        }
      case "task":
        return task(key, at, json);
      case "assign":
        return assign(key, at, json, object);
      case "notify":
        {
          JsonNode to = json.get("to");
          String kind = to.fieldNames().next();
          Optional<String> name =
              kind.equals("user") || kind.equals("group")
                  ? Optional.of(to.get(kind).asText())
                  : Optional.empty();
          String message = json.get("message").asText();
          messaging.fields(key, at + "/message", message, object);
          return Optional.of(new Action.Notify(kind, name, message));
        }
      case "email":
        return messaging.email(key, at, json, object);
      case "webhook":
        return messaging.webhook(key, at, json, object);
      case "script":
        {
          Map<String, Long> limits = new LinkedHashMap<>();
          json.path("limits")
              .fields()
              .forEachRemaining(e -> limits.put(e.getKey(), e.getValue().asLong()));
          return Optional.of(new Action.Script(json.get("source").asText(), limits));
        }
      default:
        throw new IllegalStateException("the meta-schema lets through action " + type);
    }
  }

  /** The new record's lookup that refers to the triggering record must point at its object. */
  private void checkLink(
      String key, String at, ObjectDefinition created, String link, ObjectDefinition from) {
    Optional<FieldDefinition> field = created.field(link);
    String target =
        field
            .map(FieldDefinition::type)
            .map(
                t ->
                    t instanceof FieldType.Lookup lookup
                        ? lookup.target()
                        : t instanceof FieldType.MasterDetail detail ? detail.target() : null)
            .orElse(null);
    if (!from.name().equals(target)) {
      add(key, Problem.at(at, "automation.bad-link", link, created.name(), from.name()));
    }
  }

  /** Assignment rules must be of the triggering object: their conditions read its fields. */
  private Optional<Action> assign(String key, String at, JsonNode json, ObjectDefinition object) {
    if (json.has("to")) {
      return Optional.of(
          new Action.Assign(Optional.empty(), Optional.of(Assignee.read(json.get("to")))));
    }
    String rules = json.get("rules").asText();
    AssignmentRules found = assignments.get(rules);
    if (found == null || !found.object().equals(object.name())) {
      add(key, Problem.at(at + "/rules", "automation.unknown-assignment", rules, object.name()));
      return Optional.empty();
    }
    return Optional.of(new Action.Assign(Optional.of(rules), Optional.empty()));
  }

  private Optional<Action> task(String key, String at, JsonNode json) {
    ObjectDefinition activity = objects.get(ACTIVITY);
    String kind = json.path("kind").asText("task");
    if (activity == null) {
      add(key, Problem.at(at + "/type", "automation.unknown-object", ACTIVITY));
      return Optional.empty();
    }
    if (!activityKind(kind)) {
      add(key, Problem.at(at + "/kind", "automation.unknown-activity-kind", kind));
    }
    Optional<Duration> due =
        json.has("due")
            ? Optional.of(duration(key, at + "/due", json.get("due")))
            : Optional.empty();
    return Optional.of(new Action.Task(json.get("subject").asText(), due, kind));
  }

  /** The object {@code name}, if the model has it. */
  Optional<ObjectDefinition> object(String name) {
    return Optional.ofNullable(objects.get(name));
  }

  /** Whether {@code kind} is an active kind of the activity object. */
  private boolean activityKind(String kind) {
    return Optional.ofNullable(objects.get(ACTIVITY))
        .flatMap(activity -> activity.field("kind"))
        .filter(f -> f.type() instanceof FieldType.Picklist)
        .map(
            f ->
                ((FieldType.Picklist) f.type())
                    .values().stream().anyMatch(v -> v.name().equals(kind) && v.active()))
        .orElse(false);
  }

  /**
   * An action's values for {@code target}'s fields: {@code values} read as the REST API reads a
   * change, {@code formulas} typed against the triggering {@code source} and fitting their field.
   */
  private Action.Values values(
      String key,
      String at,
      JsonNode json,
      ObjectDefinition target,
      ObjectDefinition source,
      Scope scope) {
    ObjectNode values =
        json.has("values")
            ? (ObjectNode) json.get("values")
            : JsonNodeFactory.instance.objectNode();
    Set<String> refused = new HashSet<>();
    for (Problem problem : RecordReader.readChanges(target, values).problems()) {
      refused.add(problem.pointer());
      add(key, new Problem(at + "/values" + problem.pointer(), problem.code(), problem.args()));
    }
    for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (writable(target, field).isEmpty() && !refused.contains("/" + field)) {
        // a per-record currency's code: a writer may send it, an automation sets the amount only
        add(key, Problem.at(at + "/values/" + field, "record.unknown-field", field));
      }
    }
    Map<String, Typed> formulas = new LinkedHashMap<>();
    JsonNode expressions = json.path("formulas");
    for (Iterator<String> names = expressions.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      String where = at + "/formulas/" + field;
      Optional<FieldDefinition> definition = writable(target, field);
      if (definition.isEmpty()) {
        add(key, Problem.at(where, "record.unknown-field", field));
        continue;
      }
      if (values.has(field)) {
        add(key, Problem.at(where, "automation.value-twice", field));
        continue;
      }
      try {
        ConditionChecker.Checked checked =
            ConditionChecker.check(expressions.get(field).asText(), source, scope);
        var wanted = ConditionChecker.of(definition.get().type());
        if (!checked.type().fits(wanted)) {
          add(
              key,
              Problem.at(
                  where, "automation.formula-type", field, wanted.label(), checked.type().label()));
        } else {
          formulas.put(field, checked.typed());
        }
      } catch (ConditionException e) {
        add(key, e.problem(where));
      }
    }
    return new Action.Values(values, formulas);
  }

  /** A field an automation may write: not computed; of the platform's, only stage and owner. */
  private static Optional<FieldDefinition> writable(ObjectDefinition object, String name) {
    Optional<FieldDefinition> custom = object.field(name).filter(f -> !f.type().computed());
    if (custom.isPresent() || object.field(name).isPresent()) {
      return custom;
    }
    if (name.equals(OWNER) || (name.equals(STAGE) && object.pipeline().isPresent())) {
      return SystemFields.field(object, name);
    }
    return Optional.empty();
  }

  Duration duration(String key, String at, JsonNode json) {
    try {
      return Duration.parse(json.asText());
    } catch (DateTimeParseException e) {
      add(key, Problem.at(at, "automation.duration", json.asText()));
      return Duration.ZERO;
    }
  }

  int count(String key) {
    return problems.getOrDefault(key, List.of()).size();
  }

  void add(String key, Problem problem) {
    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(problem);
  }
}
