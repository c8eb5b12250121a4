package io.relata.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.rest.MalformedBodyException;
import io.relata.platform.rest.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The platform's JSON codec, both ways: request bodies, records, audit details. Numbers are read as
 * exact decimals (never doubles) and written plain ({@code 1000.00}, not {@code 1E+3}); date-times
 * are written in UTC; duplicate keys, trailing tokens, invalid UTF-8 and nesting deeper than
 * {@value #MAX_DEPTH} are malformed bodies.
 */
public final class JsonCodec {

  /** Deep enough for any JSON field a CRM keeps; far from what would exhaust a stack. */
  static final int MAX_DEPTH = 100;

  /** Nodes whose decimals keep their scale ({@code 1.50} stays {@code 1.50}). */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  static final ObjectMapper JSON = mapper();

  private JsonCodec() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(NODES);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    return mapper;
  }

  /** Reads a request body of at most {@code limit} bytes. */
  public static JsonNode read(InputStream body, long limit) {
    try {
      byte[] bytes = body.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw new PayloadTooLargeException(limit);
      }
      if (bytes.length == 0) {
        throw new MalformedBodyException();
      }
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new MalformedBodyException();
    }
  }

  /** Parses JSON text written by the platform or stored in a jsonb column. */
  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The UTF-8 bytes of {@code node}, for an answer body: no detour through a String. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A typed value as JSON. */
  public static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof LocalDate date) {
      return NODES.textNode(date.toString());
    }
    if (value instanceof OffsetDateTime instant) {
      return NODES.textNode(UtcTimestamps.format(instant));
    }
    if (value instanceof UUID id) {
      return NODES.textNode(id.toString());
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof JsonNode json) {
      return json;
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
  }
}
