package io.relata.metadata.change;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import java.util.Set;

/** One difference between two versions of the model. */
public sealed interface Change {

  /** The object the change belongs to. */
  String object();

  /** A new object: a new table. */
  record ObjectAdded(ObjectDefinition definition) implements Change {
    public String object() {
      return definition.name();
    }
  }

  /** An object removed: its table and all its records go. */
  record ObjectRemoved(ObjectDefinition definition) implements Change {
    public String object() {
      return definition.name();
    }
  }

  /**
   * Object-level parts changed (for example {@code label}, {@code pipeline}, {@code listViews}):
   * none of them alters a column, some alter indexes or constraints.
   *
   * @param before the object as it was, for what replaces an index (a list view's sort)
   */
  record ObjectChanged(String object, Set<String> parts, ObjectDefinition before)
      implements Change {
    public ObjectChanged {
      parts = Set.copyOf(parts);
    }
  }

  /** A new field: a new column. */
  record FieldAdded(String object, FieldDefinition field) implements Change {}

  /** A field removed: its column and its values go. */
  record FieldRemoved(String object, FieldDefinition field) implements Change {}

  /** A field renamed: the column is renamed, its values kept. */
  record FieldRenamed(String object, String from, String to) implements Change {}

  /**
   * A field's definition changed under the same name (after any rename). {@link #retyped()} tells a
   * change of type from a change of options within the type.
   */
  record FieldChanged(String object, FieldDefinition before, FieldDefinition after)
      implements Change {

    public boolean retyped() {
      return before.type().kind() != after.type().kind();
    }

    /** Whether the column itself (its type, length, precision, constraint) may change. */
    public boolean storageChanged() {
      return !before.type().equals(after.type())
          || before.required() != after.required()
          || before.unique() != after.unique()
          || before.indexed() != after.indexed();
    }
  }
}
