package io.relata.platform.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an admin may and may not do to the documents that ship with Relata. */
class CoreDocumentsTest {

  private final Documents installed =
      CoreDocuments.withCore(Documents.of(List.of(), AccessDocuments.EMPTY));

  @Test
  void aMissingCoreObjectIsAddedOnceWithItsOrigin() {
    JsonNode activity = installed.find(DocumentKinds.OBJECTS, CoreDocuments.ACTIVITY).orElseThrow();
    assertEquals("core", activity.path("origin").path("source").asText());
    assertEquals(installed, CoreDocuments.withCore(installed), "nothing to add the second time");
  }

  @Test
  void anAdminChangesACoreObjectButKeepsItAndItsLink() {
    ObjectNode changed = activity();
    ((ArrayNode) changed.get("fields"))
        .addObject()
        .put("name", "outcome")
        .put("label", "Outcome")
        .put("type", "text");
    assertEquals(
        Map.of(), CoreDocuments.removed(installed, installed.put(DocumentKinds.OBJECTS, changed)));

    assertEquals(
        List.of("metadata.core-document"),
        codes(
            CoreDocuments.removed(
                installed, installed.remove(DocumentKinds.OBJECTS, CoreDocuments.ACTIVITY))));

    ObjectNode unlinked = activity();
    ArrayNode fields = (ArrayNode) unlinked.get("fields");
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (fields.get(i).path("name").asText().equals("about")) {
        fields.remove(i);
      }
    }
    Map<String, List<Problem>> refused =
        CoreDocuments.removed(installed, installed.put(DocumentKinds.OBJECTS, unlinked));
    assertEquals(List.of("metadata.core-field"), codes(refused));
    assertTrue(refused.get(CoreDocuments.ACTIVITY).get(0).args().contains("about"));
  }

  private ObjectNode activity() {
    return (ObjectNode)
        installed.find(DocumentKinds.OBJECTS, CoreDocuments.ACTIVITY).orElseThrow().deepCopy();
  }

  private static List<String> codes(Map<String, List<Problem>> problems) {
    return problems.values().stream().flatMap(List::stream).map(Problem::code).toList();
  }
}
