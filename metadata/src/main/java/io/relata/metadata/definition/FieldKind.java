package io.relata.metadata.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of built-in field types, by their names in JSON documents, and {@link #PLUGIN} for
 * the types plugins add.
 */
public enum FieldKind {
  TEXT("text"),
  LONG_TEXT("long-text"),
  RICH_TEXT("rich-text"),
  NUMBER("number"),
  CURRENCY("currency"),
  PERCENT("percent"),
  BOOLEAN("boolean"),
  DATE("date"),
  DATETIME("datetime"),
  EMAIL("email"),
  PHONE("phone"),
  URL("url"),
  PICKLIST("picklist"),
  MULTI_PICKLIST("multi-picklist"),
  LOOKUP("lookup"),
  MASTER_DETAIL("master-detail"),
  /** A reference to one record of any object: what an activity is about. */
  ABOUT("about"),
  USER("user"),
  AUTO_NUMBER("auto-number"),
  FORMULA("formula"),
  ROLL_UP("roll-up"),
  STAGE("stage"),
  JSON("json"),
  /**
   * A type a plugin adds, named with its namespace ({@code acme__rating}): see {@link
   * FieldType.Plugin}.
   */
  PLUGIN("plugin");

  private final String id;

  FieldKind(String id) {
    this.id = id;
  }

  /** The name in JSON documents, for example {@code multi-picklist}. */
  public String id() {
    return id;
  }

  /** The built-in kind named {@code id} in a document; a plugin's type names none. */
  public static Optional<FieldKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k != PLUGIN && k.id.equals(id)).findFirst();
  }
}
