package io.relata.metadata.definition;

import java.util.Optional;

/**
 * A field of an object.
 *
 * @param defaultValue the JSON text of the default value, checked against the field's type by the
 *     record schema
 * @param personal holds personal data (GDPR: exported on access requests, erased on erasure)
 * @param trackHistory changes are kept in the record's field history
 * @param renamedFrom the field's previous name, when a change renames it: the column is renamed and
 *     its data kept, instead of one column dropped and another added
 * @param labels the label in other languages
 * @param restoredFrom the revision that deleted the field, when a change restores it: its column
 *     and values come back from what that revision set aside, instead of a new empty column
 */
public record FieldDefinition(
    String name,
    String label,
    Optional<String> description,
    Optional<String> helpText,
    FieldType type,
    boolean required,
    boolean unique,
    boolean indexed,
    Optional<String> defaultValue,
    boolean personal,
    boolean trackHistory,
    Optional<String> renamedFrom,
    Translations labels,
    Optional<Long> restoredFrom) {

  /** A field as stored: no change markers. */
  public FieldDefinition(
      String name,
      String label,
      Optional<String> description,
      Optional<String> helpText,
      FieldType type,
      boolean required,
      boolean unique,
      boolean indexed,
      Optional<String> defaultValue,
      boolean personal,
      boolean trackHistory,
      Optional<String> renamedFrom,
      Translations labels) {
    this(
        name,
        label,
        description,
        helpText,
        type,
        required,
        unique,
        indexed,
        defaultValue,
        personal,
        trackHistory,
        renamedFrom,
        labels,
        Optional.empty());
  }
}
