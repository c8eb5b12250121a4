package io.relata.metadata.kind;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.access.AccessDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {

  @Test
  void everyKindIsEditedTheSameWayAndDiffedByName() {
    Documents before =
        Documents.of(
            List.of(json("{'name':'deal','label':'Deal'}")),
            new AccessDocuments(
                List.of(json("{'name':'sales','label':'Sales'}")), List.of(), List.of()));
    Documents after =
        before
            .put(DocumentKinds.OBJECTS, json("{'name':'deal','label':'Deals'}"))
            .put(DocumentKinds.SHARING_RULES, json("{'name':'big','label':'Big'}"))
            .remove(DocumentKinds.ROLES, "sales");

    assertEquals(
        "Deals", after.find(DocumentKinds.OBJECTS, "deal").orElseThrow().get("label").asText());
    assertTrue(after.find(DocumentKinds.ROLES, "sales").isEmpty());
    assertEquals(1, after.access().of(AccessDocuments.Kind.SHARING_RULE).size());
    assertEquals(
        List.of(
            new DocumentChange("objects", "deal", DocumentChange.Type.CHANGED),
            new DocumentChange("roles", "sales", DocumentChange.Type.REMOVED),
            new DocumentChange("sharing-rules", "big", DocumentChange.Type.ADDED)),
        DocumentChange.between(before, after));
    assertEquals(
        List.of(
            "objects",
            "roles",
            "permission-sets",
            "sharing-rules",
            "apps",
            "dashboards",
            "assignment-rules",
            "automations",
            "scoring-models",
            "calendars",
            "sla-policies",
            "email-templates",
            "webhooks",
            "approval-processes"),
        DocumentKinds.all().stream().map(DocumentKind::id).toList());
    assertTrue(DocumentKinds.find("translations").isEmpty());

    Documents roles =
        before
            .put(DocumentKinds.ROLES, json("{'name':'ceo','label':'CEO'}"))
            .put(DocumentKinds.ROLES, json("{'name':'sales','label':'Sellers'}"));
    assertEquals(
        List.of("Sellers", "CEO"),
        roles.of(DocumentKinds.ROLES).stream().map(r -> r.get("label").asText()).toList());
    assertEquals(roles, Documents.fromJson(roles.toJson()));
  }
}
