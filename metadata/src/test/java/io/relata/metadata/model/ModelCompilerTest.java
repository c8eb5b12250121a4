package io.relata.metadata.model;

import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCompilerTest {

  @Test
  void compilesAConsistentModelWithARecordSchemaPerObject() {
    ModelCompiler.Result result =
        ModelCompiler.compile(
            7, List.of(object("account"), object("opportunity"), object("line_item")));

    assertTrue(result.ok(), result.problems().toString());
    CompiledModel model = result.model();
    assertEquals(7, model.revision());
    assertEquals(
        List.of("account", "opportunity", "line_item"),
        model.objects().stream().map(o -> o.name()).toList());
    assertTrue(model.recordSchema("opportunity").isPresent());
    assertEquals(object("account"), model.document("account").orElseThrow());
  }

  @Test
  void accessAddedToCompiledObjectsIsCheckedAgainstThemAndKeepsTheirRevision() {
    ModelCompiler.Result objects = ModelCompiler.compile(4, List.of(object("account")));
    JsonNode role = json("{\"name\":\"rep\",\"label\":\"Rep\"}");
    JsonNode rule =
        json(
            "{\"name\":\"big\",\"label\":\"Big\",\"object\":\"account\","
                + "\"criteria\":\"nosuchfield > 1\",\"sharedWith\":{\"role\":\"rep\"},"
                + "\"access\":\"read\"}");

    ModelCompiler.Result withRole =
        objects.withAccess(new AccessDocuments(List.of(role), List.of(), List.of()));
    ModelCompiler.Result withBrokenRule =
        objects.withAccess(new AccessDocuments(List.of(role), List.of(), List.of(rule)));

    assertTrue(withRole.ok(), withRole.problems().toString());
    assertEquals(4, withRole.model().revision());
    assertTrue(withRole.model().access().role("rep").isPresent());
    assertEquals(objects.model().documents(), withRole.model().documents());
    assertTrue(objects.model().access().role("rep").isEmpty(), "the objects' result unchanged");
    assertEquals(
        "condition.unknown-field",
        withBrokenRule.problems().get("sharing-rules/big").get(0).code(),
        withBrokenRule.problems().toString());
  }

  @Test
  void aResultWithProblemsGetsNoAccess() {
    ModelCompiler.Result broken = ModelCompiler.compile(1, List.of(object("line_item")));

    assertSame(broken, broken.withAccess(AccessDocuments.EMPTY));
  }

  @Test
  void theRecordStoryFixturesFormAValidModel() {
    ModelCompiler.Result result =
        ModelCompiler.compile(
            1,
            List.of(object("company"), object("deal"), object("contact"), object("deal_contact")));

    assertTrue(result.ok(), result.problems().toString());
  }

  @Test
  void reportsEachStageOfCheckingUnderTheObjectItBelongsTo() {
    ObjectNode broken = object("opportunity");
    broken.put("recordAccess", "everyone");
    ObjectNode duplicate = object("account");
    field(duplicate, "account_name").put("name", "owner_id");

    ModelCompiler.Result result =
        ModelCompiler.compile(1, List.of(duplicate, broken, object("line_item")));

    assertFalse(result.ok());
    assertEquals("/recordAccess", result.problems().get("opportunity").get(0).pointer());
    assertEquals("name.system-field", result.problems().get("account").get(0).code());
  }

  @Test
  void crossObjectRulesRunOnceEachObjectIsSound() {
    ModelCompiler.Result result = ModelCompiler.compile(1, List.of(object("line_item")));

    assertEquals(
        Map.of(
            "line_item",
            List.of(Problem.at("/fields/1/target", "field.unknown-target", "opportunity"))),
        result.problems());
  }

  @Test
  void storedDocumentsForgetRenameMarkersButTheSubmittedDefinitionsKeepThem() {
    ObjectNode renamed = object("account");
    field(renamed, "account_name").put("name", "company_name").put("renamedFrom", "account_name");
    renamed.put("nameField", "company_name");

    ModelCompiler.Result result = ModelCompiler.compile(2, List.of(renamed));

    JsonNode stored = result.model().document("account").orElseThrow();
    assertFalse(stored.get("fields").get(0).has("renamedFrom"));
    assertEquals(
        "account_name",
        result.submitted().get(0).field("company_name").orElseThrow().renamedFrom().orElseThrow());
  }

  @Test
  void twoDocumentsForOneObjectAreRefused() {
    ModelCompiler.Result result =
        ModelCompiler.compile(1, List.of(object("account"), object("account")));

    assertEquals(
        List.of(Problem.at("/name", "object.duplicate-name", "account")),
        result.problems().get("account"));
  }
}
