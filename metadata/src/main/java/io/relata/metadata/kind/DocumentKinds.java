package io.relata.metadata.kind;

import io.relata.metadata.schema.MetaSchema;
import java.util.List;
import java.util.Optional;

/**
 * The registry of document kinds, in the order they compile (objects before the access documents
 * that refer to them). Automation, apps, dashboards and translations join it as kinds.
 */
public final class DocumentKinds {

  public static final DocumentKind OBJECTS =
      new DocumentKind("objects", MetaSchema.OBJECT, DocumentKind.Readers.DESCRIBED, true);
  public static final DocumentKind ROLES =
      new DocumentKind("roles", MetaSchema.ROLE, DocumentKind.Readers.MANAGERS, false);
  public static final DocumentKind PERMISSION_SETS =
      new DocumentKind(
          "permission-sets", MetaSchema.PERMISSION_SET, DocumentKind.Readers.MANAGERS, false);
  public static final DocumentKind SHARING_RULES =
      new DocumentKind(
          "sharing-rules", MetaSchema.SHARING_RULE, DocumentKind.Readers.MANAGERS, false);

  private static final List<DocumentKind> ALL =
      List.of(OBJECTS, ROLES, PERMISSION_SETS, SHARING_RULES);

  private DocumentKinds() {}

  /** Every kind, in compile order. */
  public static List<DocumentKind> all() {
    return ALL;
  }

  /** The kind called {@code id} in a path. */
  public static Optional<DocumentKind> find(String id) {
    return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
