package io.relata.metadata.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The type of a field and the options that belong to it. A closed set, sealed, with one {@link
 * FieldKind} per type: switches over the kind are exhaustive (Java 17 has no pattern switch), so a
 * new type cannot be half-supported. Each type's JSON name is its {@link #id()}.
 */
public sealed interface FieldType {

  /** Which type this is: switch over it, exhaustively, where each type needs its own code. */
  FieldKind kind();

  /** The type's name in JSON documents, for example {@code multi-picklist}. */
  default String id() {
    return kind().id();
  }

  /** Whether the platform computes the value (the client never writes it). */
  default boolean computed() {
    return false;
  }

  /** Single-line text. */
  record Text(int maxLength, Optional<String> pattern) implements FieldType {
    public static final int DEFAULT_MAX_LENGTH = 255;

    public FieldKind kind() {
      return FieldKind.TEXT;
    }
  }

  /** Multi-line plain text. */
  record LongText(int maxLength) implements FieldType {
    public static final int DEFAULT_MAX_LENGTH = 32_768;

    public FieldKind kind() {
      return FieldKind.LONG_TEXT;
    }
  }

  /** HTML, sanitised on write. */
  record RichText(int maxLength) implements FieldType {
    public FieldKind kind() {
      return FieldKind.RICH_TEXT;
    }
  }

  /** What every decimal type has: digits, how many of them after the point, and bounds. */
  interface Decimal {
    int precision();

    int scale();

    Optional<BigDecimal> min();

    Optional<BigDecimal> max();
  }

  /** A decimal number with fixed precision and scale, optionally bounded. */
  record Number(int precision, int scale, Optional<BigDecimal> min, Optional<BigDecimal> max)
      implements FieldType, Decimal {
    public FieldKind kind() {
      return FieldKind.NUMBER;
    }
  }

  /** An amount of money in one currency per field, or a currency per record. */
  record Currency(
      int precision,
      int scale,
      Optional<BigDecimal> min,
      Optional<BigDecimal> max,
      Optional<String> currency,
      boolean perRecord)
      implements FieldType, Decimal {
    public FieldKind kind() {
      return FieldKind.CURRENCY;
    }
  }

  /** A percentage (50 means 50 %). */
  record Percent(int precision, int scale, Optional<BigDecimal> min, Optional<BigDecimal> max)
      implements FieldType, Decimal {
    public FieldKind kind() {
      return FieldKind.PERCENT;
    }
  }

  /** True or false. */
  record Bool() implements FieldType {
    public FieldKind kind() {
      return FieldKind.BOOLEAN;
    }
  }

  /** A calendar date. */
  record Date() implements FieldType {
    public FieldKind kind() {
      return FieldKind.DATE;
    }
  }

  /** An instant, stored in UTC. */
  record DateTime() implements FieldType {
    public FieldKind kind() {
      return FieldKind.DATETIME;
    }
  }

  /** An e-mail address. */
  record Email() implements FieldType {
    public FieldKind kind() {
      return FieldKind.EMAIL;
    }
  }

  /** A phone number. */
  record Phone() implements FieldType {
    public FieldKind kind() {
      return FieldKind.PHONE;
    }
  }

  /** A web address. */
  record Url() implements FieldType {
    public FieldKind kind() {
      return FieldKind.URL;
    }
  }

  /** One value of a list. */
  record Picklist(List<PicklistValue> values) implements FieldType {
    public Picklist {
      values = List.copyOf(values);
    }

    public FieldKind kind() {
      return FieldKind.PICKLIST;
    }
  }

  /** Any number of values of a list. */
  record MultiPicklist(List<PicklistValue> values) implements FieldType {
    public MultiPicklist {
      values = List.copyOf(values);
    }

    public FieldKind kind() {
      return FieldKind.MULTI_PICKLIST;
    }
  }

  /** A reference to a record of another (or the same) object. */
  record Lookup(String target, OnDelete onDelete) implements FieldType {
    public FieldKind kind() {
      return FieldKind.LOOKUP;
    }
  }

  /** A reference to the parent record: deleted with it, and readable by whoever reads it. */
  record MasterDetail(String target) implements FieldType {
    public FieldKind kind() {
      return FieldKind.MASTER_DETAIL;
    }
  }

  /**
   * A reference to one record of any object, kept as {@code {"object": …, "id": …}}: what an
   * activity is about. The record's readers decide who reads the referring record; at most one per
   * object, and not beside a master-detail field.
   */
  record About() implements FieldType {
    public FieldKind kind() {
      return FieldKind.ABOUT;
    }
  }

  /** A reference to a user (owner-like). */
  record User() implements FieldType {
    public FieldKind kind() {
      return FieldKind.USER;
    }
  }

  /** A number the platform assigns on create, formatted like {@code CASE-{00000}}. */
  record AutoNumber(String format, long start) implements FieldType {
    public FieldKind kind() {
      return FieldKind.AUTO_NUMBER;
    }

    @Override
    public boolean computed() {
      return true;
    }
  }

  /** Read-only, computed from other fields of the record with the safe expression language. */
  record Formula(String expression, FormulaResult resultType, int scale) implements FieldType {
    public FieldKind kind() {
      return FieldKind.FORMULA;
    }

    @Override
    public boolean computed() {
      return true;
    }
  }

  /** Read-only count, sum, minimum or maximum over the child records of a relation. */
  record RollUp(String object, String relation, RollUpFunction function, Optional<String> field)
      implements FieldType {
    public FieldKind kind() {
      return FieldKind.ROLL_UP;
    }

    @Override
    public boolean computed() {
      return true;
    }
  }

  /** The record's stage in its object's pipeline. */
  record Stage() implements FieldType {
    public FieldKind kind() {
      return FieldKind.STAGE;
    }
  }

  /** Opaque JSON. */
  record Json() implements FieldType {
    public FieldKind kind() {
      return FieldKind.JSON;
    }
  }

  /**
   * A type a plugin adds, by its namespaced name ({@code acme__rating}), with the options its
   * document gives; what it means comes from the plugin's {@code FieldTypeSpec}.
   */
  record Plugin(String name, com.fasterxml.jackson.databind.JsonNode options) implements FieldType {
    public FieldKind kind() {
      return FieldKind.PLUGIN;
    }

    @Override
    public String id() {
      return name;
    }
  }
}
