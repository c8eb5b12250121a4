package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.ui.screen.Labels;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names that a document of any kind but an object refers to, offered as choices: a role's
 * parent; an app's objects and home dashboard; the objects and fields a permission set grants
 * rights on; a dashboard widget's object; and, in the documents about one object's records (sharing
 * rules, automations, assignment rules, scoring, service levels, approvals, email templates), that
 * object, its fields and stages, the documents of the same object an action names, and the users,
 * roles and groups a rule names.
 */
final class DocumentNames implements SchemaForm.Assist {

  private static final Pattern FIELD_RIGHTS = Pattern.compile("/objects/([^/]+)/fields");
  private static final Pattern WIDGET_OBJECT = Pattern.compile("/widgets/\\d+/object");
  private static final Pattern WIDGET_ROLE = Pattern.compile("/widgets/\\d+/role");
  private static final Pattern ACTION = Pattern.compile("(.*/actions/\\d+)/([A-Za-z]+)(/.*)?");

  /** The kinds whose documents are about the records of the object they name at /object. */
  private static final Set<DocumentKind> ABOUT_RECORDS =
      Set.of(
          DocumentKinds.SHARING_RULES,
          DocumentKinds.AUTOMATIONS,
          DocumentKinds.ASSIGNMENT_RULES,
          DocumentKinds.SCORING_MODELS,
          DocumentKinds.SLA_POLICIES,
          DocumentKinds.APPROVAL_PROCESSES,
          DocumentKinds.EMAIL_TEMPLATES);

  private final DocumentKind kind;
  private final Supplier<ObjectNode> document;
  private final CompiledModel model;
  private final People people;

  /** The people a document may name: users' data, not the model's. */
  interface People {
    /** Active users' usernames, with their names. */
    Map<String, String> users();

    /** Groups' names, with their labels. */
    Map<String, String> groups();
  }

  /**
   * @param document the form's document as it is now
   */
  DocumentNames(
      DocumentKind kind, Supplier<ObjectNode> document, CompiledModel model, People people) {
    this.kind = kind;
    this.document = document;
    this.model = model;
    this.people = people;
  }

  @Override
  public Optional<Supplier<Map<String, String>>> names(String pointer) {
    if (kind == DocumentKinds.APPS && pointer.equals("/objects")) {
      return Optional.of(this::objects);
    }
    if (kind == DocumentKinds.APPS && pointer.equals("/home")) {
      return Optional.of(this::dashboards);
    }
    if (kind == DocumentKinds.ROLES && pointer.equals("/parent")) {
      return Optional.of(this::roles);
    }
    if (kind == DocumentKinds.PERMISSION_SETS && pointer.equals("/objects")) {
      return Optional.of(this::objects);
    }
    var fields = FIELD_RIGHTS.matcher(pointer);
    if (kind == DocumentKinds.PERMISSION_SETS && fields.matches()) {
      String object = fields.group(1).replace("~1", "/").replace("~0", "~");
      return Optional.of(() -> fields(object, f -> true));
    }
    if (kind == DocumentKinds.DASHBOARDS && WIDGET_OBJECT.matcher(pointer).matches()) {
      return Optional.of(this::objects);
    }
    if (kind == DocumentKinds.DASHBOARDS && WIDGET_ROLE.matcher(pointer).matches()) {
      return Optional.of(this::roles);
    }
    return ABOUT_RECORDS.contains(kind) ? aboutRecords(pointer) : Optional.empty();
  }

  /** Names in a document about one object's records. */
  private Optional<Supplier<Map<String, String>>> aboutRecords(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    Matcher action = ACTION.matcher(pointer);
    if (action.matches()) {
      Optional<Supplier<Map<String, String>>> named = inAction(action, pointer);
      if (named.isPresent()) {
        return named;
      }
    }
    return switch (last) {
      case "object" -> Optional.of(this::objects);
      case "user" -> Optional.of(people::users);
      case "group" -> Optional.of(people::groups);
      case "role", "roleAndSubordinates" -> Optional.of(this::roles);
      case "fields", "priorityField" -> Optional.of(() -> own(f -> true));
      case "dueField" -> Optional.of(() -> own(f -> dated(f.type())));
      case "field" ->
          pointer.equals("/trigger/field")
              ? Optional.of(() -> own(f -> dated(f.type())))
              : kind == DocumentKinds.SCORING_MODELS && pointer.equals("/field")
                  ? Optional.of(() -> own(f -> f.type().kind() == FieldKind.NUMBER))
                  : Optional.of(() -> own(f -> f.type().kind() == FieldKind.EMAIL));
      case "enters", "leaves", "stage" -> Optional.of(this::stages);
      case "calendar" -> Optional.of(() -> documents(DocumentKinds.CALENDARS, d -> true));
      default -> Optional.empty();
    };
  }

  /**
   * Names in an action: the assignment rules, email template or webhook it runs; the object it
   * creates a record of, the lookup that links that record back, the fields it sets (of the record
   * it sets them on) and the fields of the triggering record a formula may be.
   */
  private Optional<Supplier<Map<String, String>>> inAction(Matcher action, String pointer) {
    String member = action.group(2);
    boolean whole = action.group(3) == null;
    String itemAt = action.group(1);
    Supplier<JsonNode> item = () -> at(itemAt);
    Supplier<String> target =
        () ->
            item.get().path("type").asText().equals("create")
                ? item.get().path("object").asText("")
                : object().map(ObjectDefinition::name).orElse("");
    return switch (member) {
      case "rules" ->
          whole
              ? Optional.of(
                  () ->
                      documents(
                          DocumentKinds.ASSIGNMENT_RULES,
                          d -> d.path("object").asText().equals(ownName())))
              : Optional.empty();
      case "template" ->
          Optional.of(
              () ->
                  documents(
                      DocumentKinds.EMAIL_TEMPLATES,
                      d -> d.path("object").asText().equals(ownName())));
      case "webhook" -> Optional.of(() -> documents(DocumentKinds.WEBHOOKS, d -> true));
      case "object" -> whole ? Optional.of(this::objects) : Optional.empty();
      case "link" ->
          Optional.of(
              () ->
                  fields(
                      target.get(),
                      f ->
                          f.type() instanceof FieldType.Lookup lookup
                              && lookup.target().equals(ownName())));
      case "formulas", "values" ->
          whole
              ? Optional.of(() -> fields(target.get(), f -> true))
              : member.equals("formulas") && pointer.lastIndexOf('/') == action.end(2)
                  ? Optional.of(() -> own(f -> true))
                  : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * The field a value at {@code pointer} is written to (an action's {@code values/<field>}): of the
   * record the action sets it on, as the model has it; empty elsewhere.
   */
  Optional<FieldDefinition> valueField(String pointer) {
    Matcher action = ACTION.matcher(pointer);
    if (!action.matches() || !action.group(2).equals("values") || action.group(3) == null) {
      return Optional.empty();
    }
    JsonNode item = at(action.group(1));
    String target =
        item.path("type").asText().equals("create") ? item.path("object").asText("") : ownName();
    String field = action.group(3).substring(1).replace("~1", "/").replace("~0", "~");
    return model.object(target).flatMap(o -> o.field(field));
  }

  private JsonNode at(String pointer) {
    return document.get().at(pointer);
  }

  private String ownName() {
    return document.get().path("object").asText("");
  }

  private Optional<ObjectDefinition> object() {
    return model.object(ownName());
  }

  private static boolean dated(FieldType type) {
    return type.kind() == FieldKind.DATE || type.kind() == FieldKind.DATETIME;
  }

  private Map<String, String> own(Predicate<FieldDefinition> which) {
    return fields(ownName(), which);
  }

  private Map<String, String> stages() {
    Map<String, String> names = new LinkedHashMap<>();
    object()
        .flatMap(ObjectDefinition::pipeline)
        .map(Pipeline::stages)
        .orElse(List.of())
        .forEach(stage -> names.put(stage.name(), Labels.stage(stage)));
    return names;
  }

  private Map<String, String> documents(DocumentKind of, Predicate<JsonNode> which) {
    Map<String, String> names = new LinkedHashMap<>();
    Documents.of(model).of(of).stream()
        .filter(which)
        .sorted(Comparator.comparing(d -> d.path("label").asText()))
        .forEach(d -> names.put(d.path("name").asText(), d.path("label").asText()));
    return names;
  }

  private Map<String, String> objects() {
    Map<String, String> names = new LinkedHashMap<>();
    model.objects().stream()
        .sorted(Comparator.comparing(Labels::singular))
        .forEach(object -> names.put(object.name(), Labels.singular(object)));
    return names;
  }

  private Map<String, String> roles() {
    Map<String, String> names = new LinkedHashMap<>();
    model.access().roles().stream()
        .sorted(Comparator.comparing(io.relata.metadata.access.Role::label))
        .forEach(role -> names.put(role.name(), role.label()));
    return names;
  }

  private Map<String, String> fields(String object, Predicate<FieldDefinition> which) {
    Map<String, String> names = new LinkedHashMap<>();
    model
        .object(object)
        .ifPresent(
            found ->
                found.fields().stream()
                    .filter(which)
                    .forEach(field -> names.put(field.name(), Labels.field(field))));
    return names;
  }

  private Map<String, String> dashboards() {
    Map<String, String> names = new LinkedHashMap<>();
    model.presentation().dashboards().stream()
        .sorted(Comparator.comparing(Labels::dashboard))
        .forEach(dashboard -> names.put(dashboard.name(), Labels.dashboard(dashboard)));
    return names;
  }
}
