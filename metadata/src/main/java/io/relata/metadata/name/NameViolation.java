package io.relata.metadata.name;

/**
 * A rule that a name breaks. The {@link #code()} keys the user-facing message in the resource
 * bundles, so that screens and the API can word it in the user's language.
 */
public enum NameViolation {
  EMPTY("name.empty"),
  TOO_LONG("name.too-long"),
  NOT_SNAKE_CASE("name.not-snake-case"),
  SYSTEM_FIELD("name.system-field"),
  RESERVED_WORD("name.reserved-word");

  private final String code;

  NameViolation(String code) {
    this.code = code;
  }

  /** The message code, for example {@code name.too-long}. */
  public String code() {
    return code;
  }
}
