package io.relata.metadata.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessDocuments.Kind;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the authorization documents — structure first, then references to roles, objects and
 * fields — and compiles them when every rule holds. Problems are keyed {@code kind/name}, for
 * example {@code roles/sales_manager}, the document's path under {@code /api/v1/metadata}.
 */
public final class AccessCompiler {

  /** The outcome: a model, or the problems that stop it. */
  public record Result(AccessModel model, Map<String, List<Problem>> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Map<String, ObjectDefinition> objects = new LinkedHashMap<>();
  private final Map<String, List<Problem>> problems = new LinkedHashMap<>();
  private final Set<String> roleNames = new HashSet<>();

  private AccessCompiler(Iterable<ObjectDefinition> objects) {
    objects.forEach(o -> this.objects.put(o.name(), o));
  }

  /** Compiles {@code documents} against the objects of the same revision. */
  public static Result compile(AccessDocuments documents, Iterable<ObjectDefinition> objects) {
    return new AccessCompiler(objects).run(documents);
  }

  private Result run(AccessDocuments documents) {
    List<Role> roles = new ArrayList<>();
    for (JsonNode doc : readable(documents, Kind.ROLE, MetaSchema.ROLE)) {
      roles.add(
          new Role(
              doc.get("name").asText(),
              doc.get("label").asText(),
              Optional.ofNullable(doc.get("parent")).map(JsonNode::asText)));
    }
    Map<String, Role> byName = new LinkedHashMap<>();
    roles.forEach(r -> byName.put(r.name(), r));
    roleNames.addAll(byName.keySet());
    roles.forEach(r -> checkParent(r, byName));
    List<PermissionSet> sets = new ArrayList<>();
    for (JsonNode doc : readable(documents, Kind.PERMISSION_SET, MetaSchema.PERMISSION_SET)) {
      permissionSet(doc).ifPresent(sets::add);
    }
    List<SharingRule> rules = new ArrayList<>();
    for (JsonNode doc : readable(documents, Kind.SHARING_RULE, MetaSchema.SHARING_RULE)) {
      SharingRule rule = sharingRule(doc);
      check(rule);
      rules.add(rule);
    }
    if (!problems.isEmpty()) {
      return new Result(null, Map.copyOf(problems));
    }
    return new Result(new AccessModel(documents, roles, sets, rules), Map.of());
  }

  /** The documents of one kind that fit their meta-schema and whose name is not taken. */
  private List<JsonNode> readable(AccessDocuments documents, Kind kind, MetaSchema schema) {
    List<JsonNode> readable = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> all = documents.of(kind);
    for (int i = 0; i < all.size(); i++) {
      JsonNode doc = all.get(i);
      String name = doc.path("name").isTextual() ? doc.get("name").asText() : "#" + i;
      String key = kind.path() + "/" + name;
      List<Problem> structural = new ArrayList<>(schema.check(Origin.content(doc)));
      structural.addAll(Origin.check(doc));
      if (!structural.isEmpty()) {
        add(key, structural);
      } else if (!seen.add(name)) {
        add(key, List.of(Problem.at("/name", "access.duplicate-name", name)));
      } else if (kind == Kind.PERMISSION_SET && PermissionSet.ADMINISTRATOR.equals(name)) {
        add(key, List.of(Problem.at("/name", "permission-set.reserved-name", name)));
      } else {
        readable.add(doc);
      }
    }
    return readable;
  }

  private void checkParent(Role role, Map<String, Role> byName) {
    String key = Kind.ROLE.path() + "/" + role.name();
    if (role.parent().isEmpty()) {
      return;
    }
    if (!byName.containsKey(role.parent().get())) {
      add(key, List.of(Problem.at("/parent", "role.unknown-parent", role.parent().get())));
      return;
    }
    // walking up from the role must reach the top without coming back to it
    Set<String> seen = new HashSet<>();
    Optional<String> up = role.parent();
    while (up.isPresent() && byName.containsKey(up.get()) && seen.add(up.get())) {
      if (up.get().equals(role.name())) {
        add(key, List.of(Problem.at("/parent", "role.cycle", role.name())));
        return;
      }
      up = byName.get(up.get()).parent();
    }
  }

  private Optional<PermissionSet> permissionSet(JsonNode doc) {
    String name = doc.get("name").asText();
    String key = Kind.PERMISSION_SET.path() + "/" + name;
    Map<String, ObjectPermissions> byObject = new LinkedHashMap<>();
    List<Problem> found = new ArrayList<>();
    doc.path("objects")
        .fields()
        .forEachRemaining(
            entry -> {
              String pointer = "/objects/" + entry.getKey();
              ObjectDefinition object = objects.get(entry.getKey());
              if (object == null) {
                found.add(Problem.at(pointer, "access.unknown-object", entry.getKey()));
                return;
              }
              byObject.put(
                  object.name(), objectPermissions(object, entry.getValue(), pointer, found));
            });
    Set<SystemPermission> system = EnumSet.noneOf(SystemPermission.class);
    doc.path("system").forEach(s -> system.add(SystemPermission.of(s.asText()).orElseThrow()));
    add(key, found);
    return found.isEmpty()
        ? Optional.of(new PermissionSet(name, doc.get("label").asText(), byObject, system))
        : Optional.empty();
  }

  private static ObjectPermissions objectPermissions(
      ObjectDefinition object, JsonNode json, String pointer, List<Problem> found) {
    boolean create = json.path("create").asBoolean(false);
    boolean read = json.path("read").asBoolean(false);
    boolean edit = json.path("edit").asBoolean(false);
    boolean delete = json.path("delete").asBoolean(false);
    boolean viewAll = json.path("viewAll").asBoolean(false);
    boolean modifyAll = json.path("modifyAll").asBoolean(false);
    if ((create || edit || delete || viewAll) && !read) {
      found.add(Problem.at(pointer, "permission-set.needs-read", object.name()));
    }
    if (modifyAll && !(viewAll && edit && delete)) {
      found.add(Problem.at(pointer + "/modifyAll", "permission-set.modify-all", object.name()));
    }
    Map<String, FieldAccess> fields = new LinkedHashMap<>();
    json.path("fields")
        .fields()
        .forEachRemaining(
            entry -> {
              String at = pointer + "/fields/" + entry.getKey();
              FieldAccess access = FieldAccess.of(entry.getValue().asText()).orElseThrow();
              if (object.field(entry.getKey()).isEmpty()) {
                found.add(
                    Problem.at(
                        at,
                        SystemFields.NAMES.contains(entry.getKey())
                            ? "permission-set.system-field"
                            : "access.unknown-field",
                        entry.getKey(),
                        object.name()));
              } else if (access == FieldAccess.EDITABLE && !edit) {
                found.add(Problem.at(at, "permission-set.field-above-object", entry.getKey()));
              } else {
                fields.put(entry.getKey(), access);
              }
            });
    return new ObjectPermissions(create, read, edit, delete, viewAll, modifyAll, fields);
  }

  /** The rule a sharing-rule document that fits its meta-schema describes. */
  public static SharingRule sharingRule(JsonNode doc) {
    return new SharingRule(
        doc.get("name").asText(),
        doc.get("label").asText(),
        doc.get("object").asText(),
        Optional.ofNullable(doc.get("criteria")).map(JsonNode::asText),
        Optional.ofNullable(doc.get("ownedBy")).map(AccessCompiler::principal),
        principal(doc.get("sharedWith")),
        "read-write".equals(doc.get("access").asText()));
  }

  private static SharingRule.Principal principal(JsonNode json) {
    String key = json.fieldNames().next();
    for (SharingRule.Kind kind : SharingRule.Kind.values()) {
      if (kind.json().equals(key)) {
        return new SharingRule.Principal(kind, json.get(key).asText());
      }
    }
    throw new IllegalStateException("the meta-schema lets only known principals through");
  }

  private void check(SharingRule rule) {
    String key = Kind.SHARING_RULE.path() + "/" + rule.name();
    List<Problem> found = new ArrayList<>();
    ObjectDefinition object = objects.get(rule.object());
    if (object == null) {
      found.add(Problem.at("/object", "access.unknown-object", rule.object()));
    } else {
      if (master(object).isPresent()) {
        found.add(
            Problem.at(
                "/object", "sharing-rule.detail-object", rule.object(), master(object).get()));
      }
      rule.criteria().ifPresent(criteria -> checkCriteria(object, criteria, found));
    }
    rule.ownedBy().ifPresent(p -> checkPrincipal(p, "/ownedBy", found));
    checkPrincipal(rule.sharedWith(), "/sharedWith", found);
    add(key, found);
  }

  private static void checkCriteria(ObjectDefinition object, String criteria, List<Problem> found) {
    try {
      ConditionChecker.condition(ConditionParser.parse(criteria), object, Scope.QUERY);
    } catch (ConditionException e) {
      found.add(e.problem("/criteria"));
    }
  }

  private void checkPrincipal(
      SharingRule.Principal principal, String pointer, List<Problem> found) {
    if (principal.kind() != SharingRule.Kind.GROUP && !roleNames.contains(principal.name())) {
      found.add(
          Problem.at(
              pointer + "/" + principal.kind().json(), "access.unknown-role", principal.name()));
    }
  }

  /** The object a detail object's records belong to, through its master-detail field. */
  public static Optional<String> master(ObjectDefinition object) {
    return object.fields().stream()
        .map(FieldDefinition::type)
        .filter(FieldType.MasterDetail.class::isInstance)
        .map(t -> ((FieldType.MasterDetail) t).target())
        .findFirst();
  }

  private void add(String key, List<Problem> found) {
    if (!found.isEmpty()) {
      problems.computeIfAbsent(key, k -> new ArrayList<>()).addAll(found);
    }
  }
}
