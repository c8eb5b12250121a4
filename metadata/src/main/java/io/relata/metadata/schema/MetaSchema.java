package io.relata.metadata.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.relata.metadata.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A meta-schema: the structure a kind of metadata document must have. Loaded once from the
 * classpath; thread-safe.
 */
public final class MetaSchema {

  /** The meta-schema of object documents. */
  public static final MetaSchema OBJECT = load("object.schema.json");

  private final JsonSchema schema;

  private MetaSchema(JsonSchema schema) {
    this.schema = schema;
  }

  private static MetaSchema load(String resource) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    try (InputStream in = MetaSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("meta-schema missing from the classpath: " + resource);
      }
      return new MetaSchema(
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every structural problem of {@code document}, ordered by position; empty when it fits. */
  public List<Problem> check(JsonNode document) {
    return schema.validate(document).stream()
        .filter(message -> !"if".equals(message.getType()))
        .map(MetaSchema::problem)
        .distinct()
        .sorted(Comparator.comparing(Problem::pointer).thenComparing(Problem::code))
        .toList();
  }

  private static Problem problem(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    if (message.getProperty() != null
        && List.of("required", "additionalProperties", "unevaluatedProperties")
            .contains(message.getType())) {
      pointer = pointer + "/" + escape(message.getProperty());
    }
    List<String> args =
        message.getArguments() == null
            ? List.of()
            : Arrays.stream(message.getArguments()).map(String::valueOf).toList();
    return new Problem(pointer, "schema." + message.getType(), args);
  }

  /** RFC 6901: {@code ~} and {@code /} in a property name. */
  private static String escape(String property) {
    return property.replace("~", "~0").replace("/", "~1");
  }
}
