package io.relata.metadata.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rights granted to the users a set is assigned to. */
public record PermissionSet(
    String name,
    String label,
    Map<String, ObjectPermissions> objects,
    Set<SystemPermission> system) {

  /**
   * The built-in set of administrators: every right on every object, every system right. It is not
   * a document, cannot be changed, and its name is refused for documents.
   */
  public static final String ADMINISTRATOR = "administrator";

  public PermissionSet {
    objects = Map.copyOf(objects);
    system = Set.copyOf(system);
  }

  /** The built-in administrator set. */
  public static PermissionSet administrator() {
    return new PermissionSet(
        ADMINISTRATOR, "Administrator", Map.of(), Set.of(SystemPermission.values()));
  }

  public boolean isAdministrator() {
    return ADMINISTRATOR.equals(name);
  }

  /** The set's rights on {@code object}; none when it does not list it. */
  public ObjectPermissions on(String object) {
    if (isAdministrator()) {
      return ObjectPermissions.ALL;
    }
    return Optional.ofNullable(objects.get(object)).orElse(ObjectPermissions.NONE);
  }
}
