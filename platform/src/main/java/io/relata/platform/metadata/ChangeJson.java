package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.Change;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaStep;
import java.util.List;
import java.util.Locale;

/** Changes and plans as JSON for the API: values a screen can show before anything happens. */
final class ChangeJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ChangeJson() {}

  static ObjectNode outcome(MetadataService.Outcome outcome, Locale locale) {
    ObjectNode body = JSON.objectNode();
    body.put("revision", outcome.revision());
    body.put("applied", outcome.applied());
    body.set("changes", changes(outcome.changes()));
    body.set("plan", plan(outcome.plan(), locale));
    return body;
  }

  static ArrayNode changes(List<Change> changes) {
    ArrayNode list = JSON.arrayNode();
    for (Change change : changes) {
      ObjectNode c = list.addObject();
      c.put("object", change.object());
      if (change instanceof Change.ObjectAdded) {
        c.put("kind", "object-added");
      } else if (change instanceof Change.ObjectRemoved) {
        c.put("kind", "object-removed");
      } else if (change instanceof Change.ObjectChanged changed) {
        c.put("kind", "object-changed");
        ArrayNode parts = c.putArray("parts");
        changed.parts().stream().sorted().forEach(parts::add);
      } else if (change instanceof Change.FieldAdded added) {
        c.put("kind", "field-added").put("field", added.field().name());
      } else if (change instanceof Change.FieldRemoved removed) {
        c.put("kind", "field-removed").put("field", removed.field().name());
      } else if (change instanceof Change.FieldRenamed renamed) {
        c.put("kind", "field-renamed").put("from", renamed.from()).put("field", renamed.to());
      } else if (change instanceof Change.FieldChanged changed) {
        c.put("kind", changed.retyped() ? "field-retyped" : "field-changed")
            .put("field", changed.after().name());
      }
    }
    return list;
  }

  static ObjectNode plan(SchemaPlan plan, Locale locale) {
    ObjectNode body = JSON.objectNode();
    body.put("destructive", plan.destructive());
    body.put("fingerprint", plan.fingerprint());
    ArrayNode steps = body.putArray("steps");
    for (SchemaStep step : plan.steps()) {
      ObjectNode s = steps.addObject();
      s.put("code", step.code());
      ArrayNode args = s.putArray("args");
      step.args().forEach(args::add);
      s.put("text", step.text(locale));
      s.put("destructive", step.destructive());
      s.put("deferred", step.deferred());
      s.put("sql", step.sql());
    }
    return body;
  }
}
