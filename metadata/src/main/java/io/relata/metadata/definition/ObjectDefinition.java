package io.relata.metadata.definition;

import java.util.List;
import java.util.Optional;

/**
 * A custom object: one table, one typed column per field.
 *
 * @param nameField the field that names a record in lists, lookups and search (a text, auto-number
 *     or text formula field)
 * @param recordAccess the org-wide default for records the user does not own
 * @param labels the label in other languages
 * @param pluralLabels the plural label in other languages
 * @param restoredFrom the revision that deleted the object, when a change restores it: its table
 *     and records come back from what that revision set aside
 */
public record ObjectDefinition(
    String name,
    String label,
    String pluralLabel,
    Optional<String> description,
    RecordAccess recordAccess,
    String nameField,
    List<FieldDefinition> fields,
    Optional<Pipeline> pipeline,
    List<ValidationRule> validationRules,
    List<Layout> layouts,
    List<ListView> listViews,
    Translations labels,
    Translations pluralLabels,
    Optional<Long> restoredFrom) {

  public ObjectDefinition {
    fields = List.copyOf(fields);
    validationRules = List.copyOf(validationRules);
    layouts = List.copyOf(layouts);
    listViews = List.copyOf(listViews);
  }

  /** The field named {@code name}, if the object has one. */
  public Optional<FieldDefinition> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
