package io.relata.metadata.validation;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.RollUpFunction;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.type.FieldTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that span objects: every relation points at an object that exists, master-detail
 * relations form no cycle, roll-ups summarise a real child relation. Run on the whole model as it
 * would be after a change, so that a change cannot break an object it does not touch.
 */
public final class ModelRules {

  private final Map<String, ObjectDefinition> model = new LinkedHashMap<>();
  private final Map<String, List<Problem>> problems = new LinkedHashMap<>();

  private ModelRules(List<ObjectDefinition> objects) {
    objects.forEach(o -> model.put(o.name(), o));
  }

  /**
   * Every cross-object problem of the model, by the name of the object whose document holds the
   * offending part; objects without problems are absent.
   */
  public static Map<String, List<Problem>> check(List<ObjectDefinition> objects) {
    ModelRules rules = new ModelRules(objects);
    for (ObjectDefinition object : objects) {
      rules.checkReferences(object);
    }
    rules.checkMasterDetailCycles();
    return Map.copyOf(rules.problems);
  }

  private void checkReferences(ObjectDefinition object) {
    for (int i = 0; i < object.fields().size(); i++) {
      FieldType type = object.fields().get(i).type();
      String at = "/fields/" + i;
      if (type instanceof FieldType.Lookup lookup) {
        target(object, at + "/target", lookup.target());
      } else if (type instanceof FieldType.MasterDetail md) {
        target(object, at + "/target", md.target());
        aboutMaster(object, at + "/target", md.target());
      } else if (type instanceof FieldType.RollUp rollUp) {
        rollUp(object, at, rollUp);
      }
    }
    for (int l = 0; l < object.layouts().size(); l++) {
      List<Layout.RelatedList> related = object.layouts().get(l).relatedLists();
      for (int r = 0; r < related.size(); r++) {
        String at = "/layouts/" + l + "/relatedLists/" + r;
        childRelation(object, at, related.get(r).object(), related.get(r).relation());
      }
    }
  }

  /**
   * A record about another record follows that record; one that followed a master of such records
   * would ask its master, which asks every object in turn: no object is the detail of one whose
   * records are about others.
   */
  private void aboutMaster(ObjectDefinition object, String at, String target) {
    ObjectDefinition master = model.get(target);
    if (master != null
        && master.fields().stream().anyMatch(f -> f.type() instanceof FieldType.About)) {
      add(object, at, "field.master-about", target);
    }
  }

  private void target(ObjectDefinition object, String at, String target) {
    if (!model.containsKey(target)) {
      add(object, at, "field.unknown-target", target);
    }
  }

  private void rollUp(ObjectDefinition parent, String at, FieldType.RollUp rollUp) {
    Optional<ObjectDefinition> child =
        childRelation(parent, at, rollUp.object(), rollUp.relation());
    if (child.isEmpty() || rollUp.field().isEmpty()) {
      return;
    }
    Optional<FieldDefinition> summarised = child.get().field(rollUp.field().get());
    if (summarised.isEmpty()) {
      add(parent, at + "/field", "object.unknown-field", rollUp.field().get());
      return;
    }
    // a stored value its type can sum (or order, for min and max), as aggregates can
    FieldType type = summarised.get().type();
    String metric = rollUp.function() == RollUpFunction.SUM ? "sum" : "min";
    boolean fits = !type.computed() && FieldTypes.of(type).metrics().contains(metric);
    if (rollUp.function() != RollUpFunction.COUNT && !fits) {
      add(parent, at + "/field", "field.roll-up-field-type", rollUp.function(), type.id());
    }
  }

  /** The child object, when {@code relation} is its lookup or master-detail to {@code parent}. */
  private Optional<ObjectDefinition> childRelation(
      ObjectDefinition parent, String at, String childName, String relation) {
    ObjectDefinition child = model.get(childName);
    if (child == null) {
      add(parent, at + "/object", "object.unknown-object", childName);
      return Optional.empty();
    }
    Optional<String> target =
        child
            .field(relation)
            .map(FieldDefinition::type)
            .flatMap(
                t ->
                    t instanceof FieldType.Lookup l
                        ? Optional.of(l.target())
                        : t instanceof FieldType.MasterDetail md
                            ? Optional.of(md.target())
                            : Optional.empty());
    if (target.isEmpty() || !target.get().equals(parent.name())) {
      add(parent, at + "/relation", "field.not-a-child-relation", childName, relation);
      return Optional.empty();
    }
    return Optional.of(child);
  }

  /**
   * A master-detail child inherits its parent's access and is deleted with it; a cycle would make
   * both undefined. Reported at the master-detail field that closes the cycle.
   */
  private void checkMasterDetailCycles() {
    Set<String> done = new HashSet<>();
    for (String start : model.keySet()) {
      List<String> path = new ArrayList<>();
      walk(start, path, done);
    }
  }

  private void walk(String object, List<String> path, Set<String> done) {
    if (done.contains(object) || !model.containsKey(object)) {
      return;
    }
    path.add(object);
    List<FieldDefinition> fields = model.get(object).fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).type() instanceof FieldType.MasterDetail md) {
        if (path.contains(md.target())) {
          List<String> cycle =
              new ArrayList<>(path.subList(path.indexOf(md.target()), path.size()));
          cycle.add(md.target());
          add(
              model.get(object),
              "/fields/" + i + "/target",
              "field.master-detail-cycle",
              String.join(" -> ", cycle));
        } else {
          walk(md.target(), path, done);
        }
      }
    }
    path.remove(path.size() - 1);
    done.add(object);
  }

  private void add(ObjectDefinition object, String pointer, String code, Object... args) {
    problems
        .computeIfAbsent(object.name(), k -> new ArrayList<>())
        .add(Problem.at(pointer, code, args));
  }
}
