package io.relata.metadata.type;

/**
 * How a field's value is stored: the PostgreSQL column type, as a value, and the Java class a
 * column of it reads into.
 *
 * @param sql the column's type in DDL, for example {@code numeric(18,2)}
 */
public record ColumnType(String sql, Storage storage) {

  /** The Java side of a column: what JDBC reads it as. A closed set; every type maps onto one. */
  public enum Storage {
    /** {@link String}. */
    TEXT,
    /** {@link java.math.BigDecimal}. */
    DECIMAL,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.OffsetDateTime}, UTC. */
    INSTANT,
    /** {@link java.util.UUID}. */
    UUID,
    /** A list of {@link String}s ({@code text[]}). */
    TEXT_ARRAY,
    /** A Jackson tree ({@code jsonb}). */
    JSON
  }
}
