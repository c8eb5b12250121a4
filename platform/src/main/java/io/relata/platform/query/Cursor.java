package io.relata.platform.query;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.type.FieldTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The opaque cursor of a list: the sort it was made for and the last row's key values, as base64url
 * JSON. A cursor that does not decode, or was made for another sort, is refused rather than guessed
 * at.
 */
public final class Cursor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 4_096;

  private Cursor() {}

  /**
   * The cursor after a row with these key values. Written without a JSON tree: one is made for
   * every page, and a tree's serializer cost a list page more than all its checks of access.
   */
  public static String encode(List<SortKey> keys, List<Object> values) {
    StringBuilder json = new StringBuilder(64).append("{\"s\":");
    quoted(json, spec(keys)).append(",\"v\":[");
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (i > 0) {
        json.append(',');
      }
      if (value == null || value instanceof Boolean) {
        json.append(value);
      } else {
        quoted(json, value.toString());
      }
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
  }

  private static StringBuilder quoted(StringBuilder json, String text) {
    return json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
  }

  /** The key values in {@code text}, typed by the keys; empty when it is not a cursor of them. */
  public static Optional<List<Object>> decode(String text, List<SortKey> keys) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      JsonNode cursor = JSON.readTree(Base64.getUrlDecoder().decode(text));
      JsonNode values = cursor.path("v");
      if (!spec(keys).equals(cursor.path("s").asText(null))
          || !values.isArray()
          || values.size() != keys.size()) {
        return Optional.empty();
      }
      List<Object> typed = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        typed.add(value(keys.get(i), values.get(i)));
      }
      return Optional.of(typed);
    } catch (Exception e) { // any malformed cursor, whatever part of it fails to decode
      return Optional.empty();
    }
  }

  private static Object value(SortKey key, JsonNode json) {
    if (json.isNull()) {
      return null;
    }
    String text = json.asText();
    FieldType type = key.field().type();
    return switch (FieldTypes.column(type).orElseThrow().storage()) {
      case DECIMAL -> {
        BigDecimal number = new BigDecimal(text);
        if (number.precision() - number.scale() > 1_000 || number.scale() > 1_000) {
          throw new IllegalArgumentException("out of range");
        }
        yield number;
      }
      case BOOLEAN -> {
        if (!json.isBoolean()) {
          throw new IllegalArgumentException("not a boolean");
        }
        yield json.booleanValue();
      }
      case DATE -> within(LocalDate.parse(text).getYear(), LocalDate.parse(text));
      case INSTANT -> within(OffsetDateTime.parse(text).getYear(), OffsetDateTime.parse(text));
      case UUID -> java.util.UUID.fromString(text);
      default -> {
        if (text.indexOf('\0') >= 0) {
          throw new IllegalArgumentException("NUL");
        }
        yield text;
      }
    };
  }

  /** Years 1 to 9999, as records hold them. */
  private static Object within(int year, Object value) {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range");
    }
    return value;
  }

  private static String spec(List<SortKey> keys) {
    return keys.stream()
        .map(k -> (k.descending() ? "-" : "") + k.field().name())
        .collect(Collectors.joining(","));
  }
}
