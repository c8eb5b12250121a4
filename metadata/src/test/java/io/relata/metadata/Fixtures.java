package io.relata.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The object documents in {@code src/test/resources/fixtures/objects}, as mutable JSON. */
public final class Fixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A fresh copy of the fixture {@code name}.json. */
  public static ObjectNode object(String name) {
    try (InputStream in =
        Fixtures.class.getResourceAsStream("/fixtures/objects/" + name + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectDefinition definition(JsonNode doc) {
    return DefinitionReader.object(doc);
  }

  /** The field named {@code name} of an object document. */
  public static ObjectNode field(ObjectNode doc, String name) {
    for (JsonNode field : doc.get("fields")) {
      if (field.get("name").asText().equals(name)) {
        return (ObjectNode) field;
      }
    }
    throw new IllegalArgumentException("no field " + name);
  }

  /** The position of the field named {@code name}. */
  public static int index(ObjectNode doc, String name) {
    ArrayNode fields = (ArrayNode) doc.get("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no field " + name);
  }

  /** Parses JSON written in a test, with single quotes for readability. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pointer into the field called {@code name}, resolved later by {@link #resolve}. */
  public static String inField(String name, String rest) {
    return "field:" + name + rest;
  }

  /**
   * Resolves an {@link #inField} pointer against the fixture {@code fixture}; others as they are.
   */
  public static String resolve(String fixture, String pointer) {
    if (!pointer.startsWith("field:")) {
      return pointer;
    }
    String name = pointer.substring(6, pointer.indexOf('/'));
    return "/fields/" + index(object(fixture), name) + pointer.substring(pointer.indexOf('/'));
  }
}
