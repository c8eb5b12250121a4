package io.relata.metadata.type;

/**
 * The patterns values of the built-in types must match, written once for the record schema, the
 * record reader and the OpenAPI document.
 */
public final class ValuePatterns {

  /** A calendar date with a four-digit year: the year 10000 is refused. */
  public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  /** An ISO-8601 date-time with an offset, four-digit year. */
  public static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** One {@code @}, something on both sides, a dot in the domain; no spaces. */
  public static final String EMAIL = "^[^@\\s]+@[^@\\s.]+\\.[^@\\s]+$";

  /** Web addresses only: no {@code javascript:} or {@code data:} links in a CRM. */
  public static final String URL = "^https?://[^\\s]+$";

  /** An ISO 4217 code. */
  public static final String CURRENCY_CODE = "^[A-Z]{3}$";

  public static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";

  public static final String UUID_PATTERN =
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

  /** The name of an object or field: snake case, a plugin's namespace first where it has one. */
  public static final String NAME = "^([a-z][a-z0-9]{0,19}__)?[a-z][a-z0-9]*(_[a-z0-9]+)*$";

  private ValuePatterns() {}
}
