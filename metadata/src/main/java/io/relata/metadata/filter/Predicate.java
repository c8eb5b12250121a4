package io.relata.metadata.filter;

import io.relata.metadata.definition.FieldDefinition;
import java.util.List;

/**
 * A filter resolved against an object: every field known and filterable, every value of its field's
 * Java type ({@link String}, {@link java.math.BigDecimal}, {@link Boolean}, {@link
 * java.time.LocalDate}, {@link java.time.OffsetDateTime}, {@link java.util.UUID}), relative dates
 * turned into ranges. What is left is a direct translation to SQL.
 */
public sealed interface Predicate {

  record And(List<Predicate> parts) implements Predicate {
    public And {
      parts = List.copyOf(parts);
    }
  }

  record Or(List<Predicate> parts) implements Predicate {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(Predicate part) implements Predicate {}

  /**
   * {@code field <op> value} for {@code = != < <= > >=}; {@code contains} and {@code starts with}
   * (case-insensitive) on text.
   */
  record Compare(FieldDefinition field, Operator operator, Object value) implements Predicate {}

  /** {@code field in (values)}, or {@code not in}; on a multi-picklist: has any, has none. */
  record Among(FieldDefinition field, boolean negated, List<Object> values) implements Predicate {
    public Among {
      values = List.copyOf(values);
    }
  }

  /** A multi-picklist that holds {@code value}. */
  record Holds(FieldDefinition field, String value) implements Predicate {}

  /** {@code field is null}, or {@code is not null}. */
  record Null(FieldDefinition field, boolean negated) implements Predicate {}
}
