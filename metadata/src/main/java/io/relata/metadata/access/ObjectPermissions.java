package io.relata.metadata.access;

import java.util.Map;
import java.util.Optional;

/**
 * A permission set's rights on one object. {@code viewAll} reads every record whatever the sharing,
 * {@code modifyAll} also edits and deletes them. Fields not in {@code fields} are editable where
 * the object may be edited, read-only where it may only be read.
 */
public record ObjectPermissions(
    boolean create,
    boolean read,
    boolean edit,
    boolean delete,
    boolean viewAll,
    boolean modifyAll,
    Map<String, FieldAccess> fields) {

  /** No right at all. */
  public static final ObjectPermissions NONE =
      new ObjectPermissions(false, false, false, false, false, false, Map.of());

  /** Every right, every field editable. */
  public static final ObjectPermissions ALL =
      new ObjectPermissions(true, true, true, true, true, true, Map.of());

  public ObjectPermissions {
    fields = Map.copyOf(fields);
  }

  /** What the set allows on {@code field}. */
  public FieldAccess field(String field) {
    if (!read) {
      return FieldAccess.HIDDEN;
    }
    FieldAccess unlisted = edit ? FieldAccess.EDITABLE : FieldAccess.READ_ONLY;
    FieldAccess listed = Optional.ofNullable(fields.get(field)).orElse(unlisted);
    // a field cannot be more open than its object
    return listed.compareTo(unlisted) > 0 ? unlisted : listed;
  }
}
