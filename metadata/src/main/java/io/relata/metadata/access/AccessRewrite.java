package io.relata.metadata.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments.Kind;
import io.relata.metadata.change.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries permission sets through a change of the objects: a renamed field keeps its field
 * permissions under its new name (so a hidden field cannot come back visible under another name),
 * and the permissions of removed fields and objects go with them. Sharing rules are not rewritten:
 * a rule whose object or criteria field goes refuses the change, so an admin decides.
 */
public final class AccessRewrite {

  private AccessRewrite() {}

  public static AccessDocuments after(AccessDocuments documents, List<Change> changes) {
    List<JsonNode> sets = new ArrayList<>();
    for (JsonNode doc : documents.of(Kind.PERMISSION_SET)) {
      ObjectNode set = (ObjectNode) doc;
      for (Change change : changes) {
        JsonNode objects = set.path("objects");
        if (!objects.isObject()) {
          break;
        }
        if (change instanceof Change.ObjectRemoved) {
          ((ObjectNode) objects).remove(change.object());
        }
        JsonNode fields = objects.path(change.object()).path("fields");
        if (!fields.isObject()) {
          continue;
        }
        ObjectNode byField = (ObjectNode) fields;
        if (change instanceof Change.FieldRenamed renamed && byField.has(renamed.from())) {
          byField.set(renamed.to(), byField.remove(renamed.from()));
        } else if (change instanceof Change.FieldRemoved removed) {
          byField.remove(removed.field().name());
        }
      }
      sets.add(set);
    }
    return documents.with(Kind.PERMISSION_SET, sets);
  }
}
