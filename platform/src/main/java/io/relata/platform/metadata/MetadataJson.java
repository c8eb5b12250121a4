package io.relata.platform.metadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.platform.rest.MalformedBodyException;

/**
 * Reads and writes the metadata API's documents: a duplicate key or trailing text is a malformed
 * body, not the last value winning.
 */
final class MetadataJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MetadataJson() {}

  /** The request body as JSON; 400 when it is empty or not JSON. */
  static JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      throw new MalformedBodyException();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedBodyException();
    }
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
