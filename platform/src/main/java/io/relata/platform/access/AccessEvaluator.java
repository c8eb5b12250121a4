package io.relata.platform.access;

import io.relata.metadata.access.AccessModel;
import io.relata.metadata.access.FieldAccess;
import io.relata.metadata.access.ObjectPermissions;
import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.access.SharingRule;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.RecordAccess;
import io.relata.platform.query.Sql;
import io.relata.platform.schema.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides access (ARCHITECTURE.md, "Security model"). For a user and an object
 * it works out:
 *
 * <ul>
 *   <li>the object rights and field access: the union of the user's permission sets;
 *   <li>the records the user may read and edit, as SQL: every record when the org-wide default is
 *       open enough or the user may view (modify) all; otherwise the records the user owns, those
 *       owned by users in the roles below theirs, those shared by a sharing rule that names the
 *       user's role or group, and those shared with the user or their groups by hand or as a team.
 *   <li>for a detail object, its master's records: a detail record may be read (edited) where its
 *       master record may.
 * </ul>
 *
 * Pure: the same inputs give the same decision, and the explain tool reads the grants it made.
 */
public final class AccessEvaluator {

  /** The fields each formula reads, by its source: parsed once, not per request. */
  private static final Map<String, Set<String>> FORMULA_FIELDS = new ConcurrentHashMap<>();

  private final Subject subject;
  private final AccessModel model;
  private final ModelObjects objects;
  private final ConditionContext context;
  private final List<PermissionSet> sets = new ArrayList<>();
  private final Map<String, ObjectAccess> decided = new HashMap<>();
  private final Set<String> deciding = new java.util.HashSet<>();
  private final Map<String, Map<String, FieldAccess>> fieldsDecided = new HashMap<>();

  /**
   * @param objects the objects of the same revision as {@code model}, by name
   * @param context today and the user, for sharing-rule criteria with relative dates or {@code me}
   */
  public AccessEvaluator(
      Subject subject, AccessModel model, ModelObjects objects, ConditionContext context) {
    this.subject = subject;
    this.model = model;
    this.objects = objects;
    this.context = context;
    subject.permissionSets().stream()
        .sorted()
        .map(model::permissionSet)
        .flatMap(Optional::stream)
        .forEach(sets::add);
  }

  /**
   * The evaluator for {@code user} as of now: their holdings read on {@code connection}, criteria
   * dated today in UTC.
   */
  public static AccessEvaluator load(
      java.sql.Connection connection,
      java.util.UUID user,
      AccessModel model,
      ModelObjects objects,
      java.time.Clock clock)
      throws java.sql.SQLException {
    return of(Subjects.load(connection, user), model, objects, clock);
  }

  /** The evaluator for {@code subject} as of now, criteria dated today in UTC. */
  public static AccessEvaluator of(
      Subject subject, AccessModel model, ModelObjects objects, java.time.Clock clock) {
    java.util.UUID user = subject.user();
    return new AccessEvaluator(
        subject,
        model,
        objects,
        ConditionContext.of(clock, java.time.ZoneOffset.UTC, Optional.of(user)));
  }

  public Subject subject() {
    return subject;
  }

  /** Whether one of the user's permission sets grants {@code permission}. */
  public boolean holds(io.relata.metadata.access.SystemPermission permission) {
    return sets.stream().anyMatch(s -> s.system().contains(permission));
  }

  /**
   * The user's permission sets that grant {@code right} ({@code create}, {@code read}, {@code
   * edit}, {@code delete}, {@code viewAll}, {@code modifyAll}) on {@code object}, by name: what the
   * explain tool names as the reason for an object right.
   */
  public List<String> setsGranting(String object, String right) {
    return sets.stream()
        .filter(set -> has(set.on(object), right))
        .map(PermissionSet::name)
        .toList();
  }

  /** The user's permission sets that give {@code field} of {@code object} the access it has. */
  public List<String> setsGiving(ObjectDefinition object, String field) {
    FieldAccess decided = on(object).field(field);
    return sets.stream()
        .filter(set -> set.on(object.name()).field(field) == decided)
        .map(PermissionSet::name)
        .toList();
  }

  private static boolean has(ObjectPermissions on, String right) {
    return switch (right) {
      case "create" -> on.create();
      case "read" -> on.read();
      case "edit" -> on.edit();
      case "delete" -> on.delete();
      case "viewAll" -> on.viewAll();
      case "modifyAll" -> on.modifyAll();
      default -> throw new IllegalArgumentException("no such right: " + right);
    };
  }

  /** The user's access to {@code object}; decided once per evaluator. */
  public ObjectAccess on(ObjectDefinition object) {
    ObjectAccess access = decided.get(object.name());
    if (access == null) {
      // the model refuses loops (a detail of records about others); this keeps a loop that slips
      // through from recursing for ever: an object being decided is no target of its own decision
      deciding.add(object.name());
      try {
        access = decide(object);
      } finally {
        deciding.remove(object.name());
      }
      decided.put(object.name(), access);
    }
    return access;
  }

  private ObjectAccess decide(ObjectDefinition object) {
    ObjectPermissions rights = rights(object.name());
    return new ObjectAccess(
        object,
        rights,
        fields(object),
        records(object, false, rights),
        () -> records(object, true, rights),
        () -> sharing(object, rights));
  }

  /**
   * The access to each field of {@code object}: the most any of the user's sets gives, then
   * whatever derives from a hidden field hidden too. Decided once per evaluator, apart from the
   * rest of the object's access, so that a roll-up can ask about its child's fields without
   * deciding the child's records (which ask about their master: a loop).
   */
  private Map<String, FieldAccess> fields(ObjectDefinition object) {
    Map<String, FieldAccess> known = fieldsDecided.get(object.name());
    if (known != null) {
      return known;
    }
    Map<String, FieldAccess> fields = new HashMap<>();
    for (FieldDefinition field : object.fields()) {
      FieldAccess access = FieldAccess.HIDDEN;
      for (PermissionSet set : sets) {
        access = access.or(set.on(object.name()).field(field.name()));
      }
      fields.put(field.name(), access);
    }
    // known before it is finished: a roll-up over its own object (a parent account's total of its
    // child accounts) or over an object that rolls up back asks for this very map
    fieldsDecided.put(object.name(), fields);
    hideDerivedFromHidden(object, fields);
    return fields;
  }

  /**
   * Hides what is computed from a hidden value, transitively: a formula that reads a hidden field
   * (or a hidden formula), and a roll-up that summarises a field the user may not see on the child
   * object. Otherwise the value would leak through its derivative ({@code margin * 1}).
   */
  private void hideDerivedFromHidden(ObjectDefinition object, Map<String, FieldAccess> fields) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (FieldDefinition field : object.fields()) {
        if (fields.get(field.name()) != FieldAccess.HIDDEN && derivesFromHidden(field, fields)) {
          fields.put(field.name(), FieldAccess.HIDDEN);
          changed = true;
        }
      }
    }
  }

  private boolean derivesFromHidden(FieldDefinition field, Map<String, FieldAccess> fields) {
    if (field.type() instanceof FieldType.Formula formula) {
      return FORMULA_FIELDS
          .computeIfAbsent(formula.expression(), AccessEvaluator::fieldsOf)
          .stream()
          .anyMatch(name -> fields.get(name) == FieldAccess.HIDDEN);
    }
    if (field.type() instanceof FieldType.RollUp rollUp && rollUp.field().isPresent()) {
      return objects
          .object(rollUp.object())
          .map(
              child ->
                  fields(child).getOrDefault(rollUp.field().get(), FieldAccess.HIDDEN)
                      == FieldAccess.HIDDEN)
          .orElse(false);
    }
    return false;
  }

  /** The fields a formula reads; the model only holds formulas that parse. */
  private static Set<String> fieldsOf(String expression) {
    try {
      return Expression.fields(ConditionParser.parse(expression));
    } catch (ConditionException e) {
      throw new IllegalStateException("a stored formula does not parse: " + expression, e);
    }
  }

  private ObjectPermissions rights(String object) {
    boolean create = false;
    boolean read = false;
    boolean edit = false;
    boolean delete = false;
    boolean viewAll = false;
    boolean modifyAll = false;
    for (PermissionSet set : sets) {
      ObjectPermissions on = set.on(object);
      create |= on.create();
      read |= on.read();
      edit |= on.edit();
      delete |= on.delete();
      viewAll |= on.viewAll();
      modifyAll |= on.modifyAll();
    }
    return new ObjectPermissions(create, read, edit, delete, viewAll, modifyAll, Map.of());
  }

  private RecordPredicate records(
      ObjectDefinition object, boolean editing, ObjectPermissions rights) {
    if (editing ? rights.modifyAll() : rights.viewAll()) {
      String right = editing ? "modifyAll" : "viewAll";
      return RecordPredicate.all(
          editing ? "access.modify-all" : "access.view-all", setsGranting(object.name(), right));
    }
    List<FieldDefinition> masters =
        object.fields().stream().filter(f -> f.type() instanceof FieldType.MasterDetail).toList();
    if (!masters.isEmpty()) {
      return throughMasters(object, masters, editing);
    }
    Optional<FieldDefinition> about = about(object);
    if (about.isPresent()) {
      return throughAbout(object, about.get(), editing);
    }
    RecordAccess open = object.recordAccess();
    if (open == RecordAccess.READ_WRITE || (!editing && open == RecordAccess.READ)) {
      return RecordPredicate.all(
          "access.org-wide-default", List.of(open.name().toLowerCase(java.util.Locale.ROOT)));
    }
    List<Grant> grants = new ArrayList<>();
    grants.add(owner());
    roleHierarchy().ifPresent(grants::add);
    for (SharingRule rule : model.sharingRules(object.name())) {
      if ((!editing || rule.readWrite()) && reaches(rule.sharedWith())) {
        rule(object, rule).ifPresent(grants::add);
      }
    }
    grants.add(
        new Grant(
            "access.share",
            List.of(),
            Sql.of(
                "\"id\" IN (SELECT s.record_id FROM relata.record_share s WHERE s.object = ?"
                    + " AND (s.user_id = ? OR s.group_id IN (SELECT m.group_id FROM"
                    + " relata.group_member m WHERE m.user_id = ?))"
                    + (editing ? " AND s.access = 'read-write'" : "")
                    + ")",
                object.name(),
                subject.user(),
                subject.user())));
    return RecordPredicate.anyOf(grants);
  }

  /**
   * The records whose shares the user may manage: with modify-all every record; otherwise, given
   * the edit right, those the user owns and those owned in the roles below theirs. A share or a
   * sharing rule that lets a user edit a record does not let them share it on. Detail records have
   * no shares of their own: they follow their master.
   */
  private RecordPredicate sharing(ObjectDefinition object, ObjectPermissions rights) {
    boolean detail =
        object.fields().stream().anyMatch(f -> f.type() instanceof FieldType.MasterDetail);
    if (detail || about(object).isPresent() || !rights.edit()) {
      return RecordPredicate.anyOf(List.of());
    }
    if (rights.modifyAll()) {
      return RecordPredicate.all("access.modify-all", setsGranting(object.name(), "modifyAll"));
    }
    List<Grant> grants = new ArrayList<>();
    grants.add(owner());
    roleHierarchy().ifPresent(grants::add);
    return RecordPredicate.anyOf(grants);
  }

  private Grant owner() {
    return new Grant("access.owner", List.of(), Sql.of("\"owner_id\" = ?", subject.user()));
  }

  /** The records owned by users in the roles below the user's, when there are such roles. */
  private Optional<Grant> roleHierarchy() {
    return subject
        .role()
        .filter(role -> !model.subordinates(role).isEmpty())
        .map(
            role ->
                new Grant(
                    "access.role-hierarchy",
                    List.of(role),
                    ownedByRoles(List.copyOf(model.subordinates(role)))));
  }

  /** A detail record is reached where each of its master records is. */
  private RecordPredicate throughMasters(
      ObjectDefinition object, List<FieldDefinition> masters, boolean editing) {
    StringBuilder text = new StringBuilder();
    List<Object> binds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (FieldDefinition field : masters) {
      String target = ((FieldType.MasterDetail) field.type()).target();
      ObjectDefinition master = objects.object(target).orElseThrow();
      ObjectAccess masterAccess = on(master);
      RecordPredicate reached = editing ? masterAccess.edit() : masterAccess.read();
      if (reached.isAll()) {
        continue;
      }
      Sql condition = reached.condition();
      text.append(text.length() == 0 ? "" : " AND ")
          .append(Identifiers.quote(field.name()))
          .append(" IN (SELECT \"id\" FROM ")
          .append(Identifiers.table(target))
          .append(" WHERE ")
          .append(condition.text())
          .append(')');
      binds.addAll(condition.binds());
      names.add(field.name());
    }
    if (names.isEmpty()) {
      return RecordPredicate.all(
          "access.master", masters.stream().map(FieldDefinition::name).toList());
    }
    return RecordPredicate.anyOf(
        List.of(new Grant("access.master", names, new Sql("(" + text + ")", binds))));
  }

  /** The field of type {@code about} of {@code object}, which has at most one. */
  public static Optional<FieldDefinition> about(ObjectDefinition object) {
    return object.fields().stream().filter(f -> f.type() instanceof FieldType.About).findFirst();
  }

  /**
   * A record about another record is read where that record is. It is edited where that record is
   * edited, and by its owner where that record is read: a seller who may only read an account still
   * logs and corrects their own calls on it. Records about records of objects that are themselves
   * about others are never reached (the platform refuses to write them).
   */
  private RecordPredicate throughAbout(
      ObjectDefinition object, FieldDefinition about, boolean editing) {
    Sql read = aboutReached(about, false);
    if (!editing) {
      return RecordPredicate.anyOf(List.of(new Grant("access.about", List.of(), read)));
    }
    Sql ownRead =
        new Sql(
            "(\"owner_id\" = ? AND " + read.text() + ")",
            concat(List.of(subject.user()), read.binds()));
    return RecordPredicate.anyOf(
        List.of(
            new Grant("access.about", List.of(), aboutReached(about, true)),
            new Grant("access.about-owner", List.of(), ownRead)));
  }

  /** The records whose {@code about} names a record the user may read (edit). */
  private Sql aboutReached(FieldDefinition about, boolean editing) {
    String column = Identifiers.quote(about.name());
    StringBuilder text = new StringBuilder();
    List<Object> binds = new ArrayList<>();
    List<String> whole = new ArrayList<>();
    for (ObjectDefinition target :
        objects.all().stream()
            .sorted(java.util.Comparator.comparing(ObjectDefinition::name))
            .toList()) {
      // without the read (edit) right on the object, its predicate reaches nothing: skipped below
      if (about(target).isPresent() || deciding.contains(target.name())) {
        continue;
      }
      ObjectAccess access = on(target);
      RecordPredicate reached = editing ? access.edit() : access.read();
      if (reached.isAll()) {
        whole.add(target.name());
        continue;
      }
      if (reached.grants().isEmpty()) {
        continue;
      }
      Sql condition = reached.condition();
      text.append(text.length() == 0 ? "" : " OR ")
          .append('(')
          .append(column)
          .append("->>'object' = ? AND ")
          .append(column)
          .append("->>'id' IN (SELECT \"id\"::text FROM ")
          .append(Identifiers.table(target.name()))
          .append(" WHERE ")
          .append(condition.text())
          .append("))");
      binds.add(target.name());
      binds.addAll(condition.binds());
    }
    if (!whole.isEmpty()) {
      text.append(text.length() == 0 ? "" : " OR ").append(column).append("->>'object' = ANY(?)");
      binds.add(whole);
    }
    return text.length() == 0 ? Sql.of("FALSE") : new Sql("(" + text + ")", binds);
  }

  private static List<Object> concat(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private boolean reaches(SharingRule.Principal principal) {
    return switch (principal.kind()) {
      case ROLE -> subject.role().filter(principal.name()::equals).isPresent();
      case ROLE_AND_SUBORDINATES ->
          subject.role().filter(r -> model.within(r, principal.name())).isPresent();
      case GROUP -> subject.groups().contains(principal.name());
    };
  }

  private Optional<Grant> rule(ObjectDefinition object, SharingRule rule) {
    try {
      return Optional.of(
          new Grant(
              "access.sharing-rule",
              List.of(rule.name()),
              SharingRuleSql.records(rule, object, model, context)));
    } catch (ConditionException e) {
      // the rule compiled with its revision; criteria that no longer check grant nothing
      return Optional.empty();
    }
  }

  /** Records owned by users who hold one of {@code roles}. */
  public static Sql ownedByRoles(List<String> roles) {
    return Sql.of(
        "\"owner_id\" IN (SELECT u.id FROM relata.app_user u WHERE u.role = ANY(?))",
        roles.stream().sorted().toList());
  }
}
