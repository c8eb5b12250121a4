package io.relata.metadata.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The checks a field type reads a client's value with. Each answers the typed value, or {@code
 * null} after recording its problem at {@code at}; the record reader implements them once, every
 * type's {@link FieldTypeSpec#read} combines them.
 */
public interface ValueReader {

  /** The object whose record is read (its pipeline's stages, for one). */
  ObjectDefinition object();

  /** Text of at most {@code maxLength} characters, containing a match of {@code pattern}. */
  String text(String at, JsonNode json, int maxLength, Optional<Pattern> pattern);

  BigDecimal decimal(
      String at,
      JsonNode json,
      int precision,
      int scale,
      Optional<BigDecimal> min,
      Optional<BigDecimal> max);

  Boolean bool(String at, JsonNode json);

  LocalDate date(String at, JsonNode json);

  OffsetDateTime dateTime(String at, JsonNode json);

  /** One of {@code allowed}. */
  String choice(String at, JsonNode json, Set<String> allowed);

  /** Distinct values, each one of {@code allowed}. */
  List<String> choices(String at, JsonNode json, Set<String> allowed);

  UUID id(String at, JsonNode json);

  /** Any JSON PostgreSQL can hold (no NUL). */
  JsonNode json(String at, JsonNode json);

  /**
   * A value of a type known only by its schema (a plugin's): it must fit {@link
   * FieldTypeSpec#writeSchema}, and becomes the Java value of the type's column.
   */
  Object bySchema(String at, JsonNode json, FieldType type);
}
