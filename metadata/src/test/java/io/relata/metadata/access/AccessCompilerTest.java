package io.relata.metadata.access;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessDocuments.Kind;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCompilerTest {

  private final List<ObjectDefinition> objects =
      List.of(
          definition(object("account")),
          definition(object("opportunity")),
          definition(object("line_item")));

  private static AccessDocuments docs(List<String> roles, List<String> sets, List<String> rules) {
    return new AccessDocuments(
        roles.stream().map(r -> json(r)).toList(),
        sets.stream().map(s -> json(s)).toList(),
        rules.stream().map(r -> json(r)).toList());
  }

  private static final List<String> HIERARCHY =
      List.of(
          "{\"name\":\"ceo\",\"label\":\"CEO\"}",
          "{\"name\":\"vp_sales\",\"label\":\"VP Sales\",\"parent\":\"ceo\"}",
          "{\"name\":\"rep\",\"label\":\"Rep\",\"parent\":\"vp_sales\"}",
          "{\"name\":\"support\",\"label\":\"Support\",\"parent\":\"ceo\"}");

  private AccessCompiler.Result compile(AccessDocuments documents) {
    return AccessCompiler.compile(documents, objects);
  }

  @Test
  void aRoleSeesTheWholeSubtreeBelowItAndNothingAbove() {
    AccessModel model = compile(docs(HIERARCHY, List.of(), List.of())).model();

    assertEquals(Set.of("vp_sales", "rep", "support"), model.subordinates("ceo"));
    assertEquals(Set.of("rep"), model.subordinates("vp_sales"));
    assertEquals(Set.of(), model.subordinates("rep"));
    assertTrue(model.within("rep", "ceo"));
    assertFalse(model.within("ceo", "rep"));
    assertFalse(model.within("support", "vp_sales"));
  }

  @Test
  void aCycleInTheHierarchyAndAnUnknownParentAreRefused() {
    var result =
        compile(
            docs(
                List.of(
                    "{\"name\":\"a\",\"label\":\"A\",\"parent\":\"b\"}",
                    "{\"name\":\"b\",\"label\":\"B\",\"parent\":\"a\"}",
                    "{\"name\":\"c\",\"label\":\"C\",\"parent\":\"nobody\"}"),
                List.of(),
                List.of()));

    assertEquals(
        Map.of(
            "roles/a", List.of(Problem.at("/parent", "role.cycle", "a")),
            "roles/b", List.of(Problem.at("/parent", "role.cycle", "b")),
            "roles/c", List.of(Problem.at("/parent", "role.unknown-parent", "nobody"))),
        result.problems());
  }

  @Test
  void permissionSetsAreCheckedAgainstTheObjectsAndTheirFields() {
    var result =
        compile(
            docs(
                List.of(),
                List.of(
                    "{\"name\":\"bad\",\"label\":\"Bad\",\"objects\":{"
                        + "\"nothing\":{\"read\":true},"
                        + "\"account\":{\"edit\":true},"
                        + "\"opportunity\":{\"read\":true,\"modifyAll\":true,"
                        + "\"fields\":{\"amount\":\"editable\",\"ghost\":\"hidden\","
                        + "\"owner_id\":\"hidden\"}}}}",
                    "{\"name\":\"administrator\",\"label\":\"Mine\"}"),
                List.of()));

    assertEquals(
        Map.of(
            "permission-sets/bad",
            List.of(
                Problem.at("/objects/nothing", "access.unknown-object", "nothing"),
                Problem.at("/objects/account", "permission-set.needs-read", "account"),
                Problem.at(
                    "/objects/opportunity/modifyAll", "permission-set.modify-all", "opportunity"),
                Problem.at(
                    "/objects/opportunity/fields/amount",
                    "permission-set.field-above-object",
                    "amount"),
                Problem.at(
                    "/objects/opportunity/fields/ghost",
                    "access.unknown-field",
                    "ghost",
                    "opportunity"),
                Problem.at(
                    "/objects/opportunity/fields/owner_id",
                    "permission-set.system-field",
                    "owner_id",
                    "opportunity")),
            "permission-sets/administrator",
            List.of(Problem.at("/name", "permission-set.reserved-name", "administrator"))),
        result.problems());
  }

  @Test
  void aFieldIsNeverMoreOpenThanItsObjectAndUnlistedFieldsFollowTheObject() {
    AccessModel model =
        compile(
                docs(
                    List.of(),
                    List.of(
                        "{\"name\":\"reader\",\"label\":\"Reader\",\"objects\":{\"opportunity\":"
                            + "{\"read\":true,\"fields\":{\"amount\":\"hidden\"}}}}",
                        "{\"name\":\"editor\",\"label\":\"Editor\",\"objects\":{\"opportunity\":"
                            + "{\"read\":true,\"edit\":true,"
                            + "\"fields\":{\"discount\":\"read-only\"}}}}"),
                    List.of()))
            .model();

    ObjectPermissions reader = model.permissionSet("reader").orElseThrow().on("opportunity");
    ObjectPermissions editor = model.permissionSet("editor").orElseThrow().on("opportunity");
    assertEquals(FieldAccess.HIDDEN, reader.field("amount"));
    assertEquals(FieldAccess.READ_ONLY, reader.field("title"));
    assertEquals(FieldAccess.READ_ONLY, editor.field("discount"));
    assertEquals(FieldAccess.EDITABLE, editor.field("title"));
    assertEquals(
        FieldAccess.HIDDEN,
        model.permissionSet("editor").orElseThrow().on("account").field("account_name"));
    assertEquals(
        ObjectPermissions.ALL, model.permissionSet("administrator").orElseThrow().on("account"));
  }

  @Test
  void sharingRulesNeedAKnownObjectRolesAndCriteriaThatResolve() {
    var result =
        compile(
            docs(
                HIERARCHY,
                List.of(),
                List.of(
                    "{\"name\":\"big\",\"label\":\"Big\",\"object\":\"account\","
                        + "\"criteria\":\"account_name = \\\"Acme\\\"\","
                        + "\"sharedWith\":{\"roleAndSubordinates\":\"vp_sales\"},"
                        + "\"access\":\"read\"}",
                    "{\"name\":\"typo\",\"label\":\"Typo\",\"object\":\"account\","
                        + "\"criteria\":\"amout > 1\",\"sharedWith\":{\"role\":\"nobody\"},"
                        + "\"access\":\"read\"}",
                    "{\"name\":\"lines\",\"label\":\"Lines\",\"object\":\"line_item\","
                        + "\"ownedBy\":{\"group\":\"emea\"},\"sharedWith\":{\"group\":\"emea\"},"
                        + "\"access\":\"read-write\"}",
                    "{\"name\":\"both\",\"label\":\"Both\",\"object\":\"opportunity\","
                        + "\"criteria\":\"amount > 5\",\"ownedBy\":{\"role\":\"rep\"},"
                        + "\"sharedWith\":{\"role\":\"rep\"},\"access\":\"read\"}")));

    assertEquals(
        Set.of("sharing-rules/typo", "sharing-rules/lines", "sharing-rules/both"),
        result.problems().keySet());
    assertEquals(
        List.of(
            Problem.at("/criteria", "condition.unknown-field", 1, "amout"),
            Problem.at("/sharedWith/role", "access.unknown-role", "nobody")),
        result.problems().get("sharing-rules/typo"));
    assertEquals(
        List.of(Problem.at("/object", "sharing-rule.detail-object", "line_item", "opportunity")),
        result.problems().get("sharing-rules/lines"));
  }

  @Test
  void aRenamedFieldKeepsItsPermissionsAndARemovedOneLosesThem() {
    AccessDocuments before =
        docs(
            List.of(),
            List.of(
                "{\"name\":\"reader\",\"label\":\"Reader\",\"objects\":{"
                    + "\"opportunity\":{\"read\":true,"
                    + "\"fields\":{\"amount\":\"hidden\",\"discount\":\"hidden\"}},"
                    + "\"account\":{\"read\":true}}}"),
            List.of());
    ObjectDefinition opportunity = objects.get(1);

    AccessDocuments after =
        AccessRewrite.after(
            before,
            List.of(
                new io.relata.metadata.change.Change.FieldRenamed("opportunity", "amount", "value"),
                new io.relata.metadata.change.Change.FieldRemoved(
                    "opportunity", opportunity.field("discount").orElseThrow()),
                new io.relata.metadata.change.Change.ObjectRemoved(objects.get(0))));

    JsonNode set = after.find(Kind.PERMISSION_SET, "reader").orElseThrow();
    assertEquals(
        json("{\"opportunity\":{\"read\":true,\"fields\":{\"value\":\"hidden\"}}}"),
        set.get("objects"));
  }
}
