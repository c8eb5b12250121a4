package io.relata.metadata.definition;

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
}
