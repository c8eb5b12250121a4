package io.relata.metadata.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.relata.metadata.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A meta-schema: the structure a kind of metadata document must have. Loaded once from the
 * classpath; thread-safe.
 */
public final class MetaSchema {

  /** The meta-schema of object documents. */
  public static final MetaSchema OBJECT = load("object.schema.json");

  /** The meta-schema of roles. */
  public static final MetaSchema ROLE = load("role.schema.json");

  /** The meta-schema of permission sets. */
  public static final MetaSchema PERMISSION_SET = load("permission-set.schema.json");

  /** The meta-schema of sharing rules. */
  public static final MetaSchema SHARING_RULE = load("sharing-rule.schema.json");

  /** The meta-schema of apps. */
  public static final MetaSchema APP = load("app.schema.json");

  /** The meta-schema of dashboards. */
  public static final MetaSchema DASHBOARD = load("dashboard.schema.json");

  /** The meta-schema of automations. */
  public static final MetaSchema AUTOMATION = load("automation.schema.json");

  /** The meta-schema of assignment rules. */
  public static final MetaSchema ASSIGNMENT_RULES = load("assignment-rules.schema.json");

  /** The meta-schema of scoring models. */
  public static final MetaSchema SCORING_MODEL = load("scoring-model.schema.json");

  /** The meta-schema of business calendars. */
  public static final MetaSchema CALENDAR = load("calendar.schema.json");

  /** The meta-schema of service-level policies. */
  public static final MetaSchema SLA_POLICY = load("sla-policy.schema.json");

  /** The meta-schema of email templates. */
  public static final MetaSchema EMAIL_TEMPLATE = load("email-template.schema.json");

  /** The meta-schema of approval processes. */
  public static final MetaSchema APPROVAL_PROCESS = load("approval-process.schema.json");

  /** The meta-schema of webhooks. */
  public static final MetaSchema WEBHOOK = load("webhook.schema.json");

  private final JsonSchema schema;

  private MetaSchema(JsonSchema schema) {
    this.schema = schema;
  }

  private static MetaSchema load(String resource) {
    return load(MetaSchema.class, resource);
  }

  /**
   * A JSON Schema (draft 2020-12) next to {@code anchor} on the classpath. The platform checks the
   * bodies of its own requests (a new user, a share) this way, with the same problem codes.
   */
  public static MetaSchema load(Class<?> anchor, String resource) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("meta-schema missing from the classpath: " + resource);
      }
      return new MetaSchema(
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The meta-schema itself, a copy: what clients and Setup's editors build documents from. */
  public JsonNode document() {
    return schema.getSchemaNode().deepCopy();
  }

  /** Every structural problem of {@code document}, ordered by position; empty when it fits. */
  public List<Problem> check(JsonNode document) {
    return SchemaProblems.of(schema.validate(document));
  }
}
