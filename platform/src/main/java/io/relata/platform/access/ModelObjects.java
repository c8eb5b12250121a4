package io.relata.platform.access;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The objects of one metadata revision, by name and all together: what access decisions read. A
 * detail record asks its master's object; a record about any record asks every object.
 */
public interface ModelObjects {

  Optional<ObjectDefinition> object(String name);

  Collection<ObjectDefinition> all();

  static ModelObjects of(CompiledModel model) {
    return of(model.objects());
  }

  static ModelObjects of(Collection<ObjectDefinition> objects) {
    Map<String, ObjectDefinition> byName =
        objects.stream().collect(Collectors.toMap(ObjectDefinition::name, Function.identity()));
    List<ObjectDefinition> all = List.copyOf(objects);
    return new ModelObjects() {
      @Override
      public Optional<ObjectDefinition> object(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<ObjectDefinition> all() {
        return all;
      }
    };
  }

  /** No objects: for decisions about system permissions only. */
  static ModelObjects none() {
    return of(List.of());
  }
}
