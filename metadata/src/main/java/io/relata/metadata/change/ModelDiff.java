package io.relata.metadata.change;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The changes that turn one version of the model into another, in a stable order: objects in the
 * order of the later version (removed ones last), and within an object renames, changes, additions,
 * removals.
 */
public final class ModelDiff {

  private static final Map<String, Function<ObjectDefinition, Object>> OBJECT_PARTS = parts();

  private ModelDiff() {}

  public static List<Change> between(List<ObjectDefinition> before, List<ObjectDefinition> after) {
    Map<String, ObjectDefinition> old = byName(before);
    Map<String, ObjectDefinition> now = byName(after);
    List<Change> changes = new ArrayList<>();
    for (ObjectDefinition object : after) {
      ObjectDefinition previous = old.get(object.name());
      if (previous == null) {
        changes.add(new Change.ObjectAdded(object));
      } else {
        changes.addAll(objectChanges(previous, object));
      }
    }
    for (ObjectDefinition object : before) {
      if (!now.containsKey(object.name())) {
        changes.add(new Change.ObjectRemoved(object));
      }
    }
    return List.copyOf(changes);
  }

  /** The changes within one object. */
  static List<Change> objectChanges(ObjectDefinition before, ObjectDefinition after) {
    String object = after.name();
    List<Change> renames = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    List<Change> added = new ArrayList<>();
    Map<String, FieldDefinition> unmatched = new LinkedHashMap<>();
    before.fields().forEach(f -> unmatched.put(f.name(), f));

    for (FieldDefinition field : after.fields()) {
      Optional<FieldDefinition> previous = Optional.ofNullable(unmatched.remove(field.name()));
      if (previous.isEmpty() && field.renamedFrom().isPresent()) {
        String from = field.renamedFrom().get();
        previous = Optional.ofNullable(unmatched.remove(from));
        previous.ifPresent(p -> renames.add(new Change.FieldRenamed(object, from, field.name())));
      }
      if (previous.isEmpty()) {
        added.add(new Change.FieldAdded(object, field));
      } else if (!sameDefinition(previous.get(), field)) {
        changed.add(new Change.FieldChanged(object, previous.get(), field));
      }
    }

    List<Change> changes = new ArrayList<>(renames);
    changes.addAll(changed);
    changes.addAll(added);
    unmatched.values().forEach(f -> changes.add(new Change.FieldRemoved(object, f)));
    Set<String> parts = new LinkedHashSet<>();
    OBJECT_PARTS.forEach(
        (part, read) -> {
          if (!Objects.equals(read.apply(before), read.apply(after))) {
            parts.add(part);
          }
        });
    if (!parts.isEmpty()) {
      changes.add(new Change.ObjectChanged(object, parts, before));
    }
    return changes;
  }

  /** Equal but for the name and the rename marker, which the diff has already accounted for. */
  private static boolean sameDefinition(FieldDefinition a, FieldDefinition b) {
    return a.label().equals(b.label())
        && a.labels().equals(b.labels())
        && a.description().equals(b.description())
        && a.helpText().equals(b.helpText())
        && a.type().equals(b.type())
        && a.required() == b.required()
        && a.unique() == b.unique()
        && a.indexed() == b.indexed()
        && a.defaultValue().equals(b.defaultValue())
        && a.personal() == b.personal()
        && a.trackHistory() == b.trackHistory();
  }

  private static Map<String, Function<ObjectDefinition, Object>> parts() {
    Map<String, Function<ObjectDefinition, Object>> parts = new LinkedHashMap<>();
    parts.put("label", ObjectDefinition::label);
    parts.put("pluralLabel", ObjectDefinition::pluralLabel);
    parts.put("labels", ObjectDefinition::labels);
    parts.put("pluralLabels", ObjectDefinition::pluralLabels);
    parts.put("description", ObjectDefinition::description);
    parts.put("recordAccess", ObjectDefinition::recordAccess);
    parts.put("nameField", ObjectDefinition::nameField);
    parts.put("pipeline", ObjectDefinition::pipeline);
    parts.put("validationRules", ObjectDefinition::validationRules);
    parts.put("layouts", ObjectDefinition::layouts);
    parts.put("listViews", ObjectDefinition::listViews);
    return java.util.Collections.unmodifiableMap(parts);
  }

  private static Map<String, ObjectDefinition> byName(List<ObjectDefinition> objects) {
    Map<String, ObjectDefinition> map = new LinkedHashMap<>();
    objects.forEach(o -> map.put(o.name(), o));
    return map;
  }
}
