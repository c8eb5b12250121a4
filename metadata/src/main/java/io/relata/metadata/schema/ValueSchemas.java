package io.relata.metadata.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one value against the JSON Schema a field type gives it: for the types plugins add, whose
 * values the platform knows only by their schema. Compiled schemas are kept, one per schema.
 */
public final class ValueSchemas {

  private static final Map<JsonNode, JsonSchema> COMPILED = new ConcurrentHashMap<>();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();

  private ValueSchemas() {}

  /** Every reason {@code value} does not fit {@code schema}, pointing below {@code at}. */
  public static List<Problem> problems(ObjectNode schema, JsonNode value, String at) {
    JsonSchema compiled = COMPILED.get(schema);
    if (compiled == null) {
      // the key is a copy, so that the caller's node may change; copied once per schema
      compiled =
          COMPILED.computeIfAbsent(
              schema.deepCopy(),
              s ->
                  JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                      .getSchema(s, CONFIG));
    }
    return SchemaProblems.of(compiled.validate(value)).stream()
        .map(p -> new Problem(at + p.pointer(), p.code(), p.args()))
        .toList();
  }
}
