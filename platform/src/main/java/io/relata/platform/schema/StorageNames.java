package io.relata.platform.schema;

import static io.relata.platform.schema.Identifiers.derived;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a model takes in the schema {@code records}, where tables, indexes and sequences share
 * one namespace: an object's table, and the indexes and sequences its fields and list views bring.
 * Derived names join their parts with underscores, which names contain too, so two different owners
 * can derive one name ({@code a} + {@code b_c} and {@code a_b} + {@code c} both give {@code
 * a_b_c_idx}; a table may even be called like another object's index). Such a model is refused with
 * the two owners named, before any DDL: PostgreSQL would otherwise fail the change half-way, or an
 * index would silently be another's.
 */
final class StorageNames {

  /** What owns a name: {@code object} or {@code object.field}, and where to point at it. */
  private record Owner(String description, String object, String pointer) {}

  private StorageNames() {}

  /** The problems of every name two owners share, by object, as the planner refuses them. */
  static Map<String, List<Problem>> collisions(List<ObjectDefinition> model) {
    Map<String, Owner> taken = new LinkedHashMap<>();
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (ObjectDefinition object : model) {
      claim(taken, problems, object.name(), new Owner(object.name(), object.name(), "/name"));
      claim(taken, problems, derived(object.name(), "owner_id", "idx"), system(object));
      claim(taken, problems, derived(object.name(), "created_at", "idx"), system(object));
      claim(
          taken,
          problems,
          derived(object.name(), object.nameField(), "name_idx"),
          new Owner(object.name() + "." + object.nameField(), object.name(), "/nameField"));
      claim(taken, problems, derived(object.name(), SearchVector.COLUMN, "gin"), system(object));
      for (int i = 0; i < object.fields().size(); i++) {
        FieldDefinition field = object.fields().get(i);
        Owner owner =
            new Owner(object.name() + "." + field.name(), object.name(), "/fields/" + i + "/name");
        if (field.unique()) {
          claim(taken, problems, derived(object.name(), field.name(), "key"), owner);
        } else if (field.indexed()
            || SchemaPlanner.isReference(field.type())
            || field.type() instanceof FieldType.About) {
          claim(taken, problems, derived(object.name(), field.name(), "idx"), owner);
        }
        if (field.type() instanceof FieldType.AutoNumber) {
          claim(taken, problems, derived(object.name(), field.name(), "seq"), owner);
        }
      }
      for (int i = 0; i < object.listViews().size(); i++) {
        ListView view = object.listViews().get(i);
        if (view.shared() && !view.sort().isEmpty()) {
          claim(
              taken,
              problems,
              derived(object.name(), view.name(), "view"),
              new Owner(
                  object.name() + " view " + view.name(),
                  object.name(),
                  "/listViews/" + i + "/name"));
        }
      }
    }
    return problems;
  }

  private static Owner system(ObjectDefinition object) {
    return new Owner(object.name(), object.name(), "/name");
  }

  private static void claim(
      Map<String, Owner> taken, Map<String, List<Problem>> problems, String name, Owner owner) {
    Owner first = taken.putIfAbsent(name, owner);
    if (first != null && !first.equals(owner)) {
      problems
          .computeIfAbsent(owner.object(), k -> new ArrayList<>())
          .add(Problem.at(owner.pointer(), "schema.name-collision", name, first.description()));
    }
  }
}
