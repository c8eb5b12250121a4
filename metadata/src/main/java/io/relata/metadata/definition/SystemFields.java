package io.relata.metadata.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns the platform puts on every object table (ARCHITECTURE.md, "Storage"). Their names are
 * refused for custom fields, and usable wherever a field name is (columns, sort, filter).
 */
public final class SystemFields {

  /** Every system field's name. {@code stage} exists only where the object has a pipeline. */
  public static final Set<String> NAMES =
      Set.of(
          "id",
          "owner_id",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by",
          "version",
          "deleted_at",
          "stage");

  /** System columns that every object table has, whatever its definition. */
  public static final int COUNT = NAMES.size();

  private SystemFields() {}

  /**
   * The system fields of {@code object} as field definitions, so that filters, sorts and columns
   * treat them like any other field: {@code id} is a reference to the object itself, owner and
   * authors are users, times are date-times, {@code version} is a whole number. They are never
   * written by clients.
   */
  public static List<FieldDefinition> of(ObjectDefinition object) {
    List<FieldDefinition> fields = new ArrayList<>();
    fields.add(system("id", "Id", new FieldType.Lookup(object.name(), OnDelete.RESTRICT)));
    fields.add(system("owner_id", "Owner", new FieldType.User()));
    fields.add(system("created_at", "Created at", new FieldType.DateTime()));
    fields.add(system("created_by", "Created by", new FieldType.User()));
    fields.add(system("updated_at", "Updated at", new FieldType.DateTime()));
    fields.add(system("updated_by", "Updated by", new FieldType.User()));
    fields.add(
        system(
            "version", "Version", new FieldType.Number(18, 0, Optional.empty(), Optional.empty())));
    fields.add(system("deleted_at", "Deleted at", new FieldType.DateTime()));
    if (object.pipeline().isPresent() && object.field("stage").isEmpty()) {
      fields.add(system("stage", "Stage", new FieldType.Stage()));
    }
    return fields;
  }

  /** The field named {@code name} of {@code object}, custom or system. */
  public static Optional<FieldDefinition> field(ObjectDefinition object, String name) {
    Optional<FieldDefinition> custom = object.field(name);
    if (custom.isPresent() || !NAMES.contains(name)) {
      return custom;
    }
    return of(object).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static FieldDefinition system(String name, String label, FieldType type) {
    return new FieldDefinition(
        name,
        label,
        Optional.empty(),
        Optional.empty(),
        type,
        false,
        name.equals("id"),
        true,
        Optional.empty(),
        false,
        false,
        Optional.empty(),
        Translations.NONE);
  }
}
