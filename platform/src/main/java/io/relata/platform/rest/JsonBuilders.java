package io.relata.platform.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. The static {@code jakarta.json.Json} methods look the
 * provider up again on every call, and in a WAR that scans every jar of the class path: it cost an
 * error answer more than half of its time.
 */
public final class JsonBuilders {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonBuilders() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  /** The JSON value in {@code text}, which the caller wrote itself. */
  public static JsonValue read(String text) {
    try (var reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
