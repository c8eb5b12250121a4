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
    Translations labels) {}
