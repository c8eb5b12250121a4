package io.relata.metadata.validation;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.index;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRulesTest {

  private final ObjectNode opportunity = object("opportunity");
  private final ObjectNode account = object("account");
  private final ObjectNode lineItem = object("line_item");

  private Map<String, List<Problem>> check(ObjectNode... docs) {
    List<ObjectDefinition> model = java.util.Arrays.stream(docs).map(d -> definition(d)).toList();
    return ModelRules.check(model);
  }

  @Test
  void aConsistentModelHasNoProblems() {
    assertEquals(Map.of(), check(opportunity, account, lineItem));
  }

  @Test
  void aLookupToAMissingObjectIsReportedWhereItIsDefined() {
    assertEquals(
        Map.of(
            "opportunity",
            List.of(
                Problem.at(at("account", "/target"), "field.unknown-target", "account"),
                Problem.at(at("partner", "/target"), "field.unknown-target", "account"))),
        check(opportunity, lineItem));
  }

  @Test
  void aMasterDetailCycleIsRefusedAtTheFieldThatClosesIt() {
    field(account, "account_name");
    ((com.fasterxml.jackson.databind.node.ArrayNode) account.get("fields"))
        .addObject()
        .put("name", "parent_line")
        .put("label", "Parent line")
        .put("type", "master-detail")
        .put("target", "line_item");

    Map<String, List<Problem>> problems = check(opportunity, account, lineItem);

    assertEquals(1, problems.values().stream().mapToInt(List::size).sum(), problems.toString());
    Problem cycle = problems.values().iterator().next().get(0);
    assertEquals("field.master-detail-cycle", cycle.code());
    assertEquals(3, cycle.args().get(0).split(" -> ").length - 1, cycle.args().get(0));
  }

  @Test
  void noObjectIsTheDetailOfRecordsAboutOtherRecords() {
    ((com.fasterxml.jackson.databind.node.ArrayNode) account.get("fields"))
        .addObject()
        .put("name", "about")
        .put("label", "About")
        .put("type", "about");
    ((com.fasterxml.jackson.databind.node.ArrayNode) lineItem.get("fields"))
        .addObject()
        .put("name", "note")
        .put("label", "Note")
        .put("type", "master-detail")
        .put("target", "account");

    Map<String, List<Problem>> problems = check(opportunity, account, lineItem);

    assertEquals(
        List.of("field.master-about"),
        problems.getOrDefault("line_item", List.of()).stream().map(Problem::code).toList(),
        problems.toString());
  }

  @Test
  void aRollUpMustSummariseARelationThatPointsBack() {
    field(opportunity, "line_count").put("relation", "description");
    field(opportunity, "line_total").put("object", "account").put("relation", "account_name");

    assertEquals(
        Map.of(
            "opportunity",
            List.of(
                Problem.at(
                    at("line_count", "/relation"),
                    "field.not-a-child-relation",
                    "line_item",
                    "description"),
                Problem.at(
                    at("line_total", "/relation"),
                    "field.not-a-child-relation",
                    "account",
                    "account_name"))),
        check(opportunity, account, lineItem));
  }

  @Test
  void aSumNeedsANumericChildField() {
    field(opportunity, "line_total").put("field", "description");

    assertEquals(
        Map.of(
            "opportunity",
            List.of(
                Problem.at(at("line_total", "/field"), "field.roll-up-field-type", "SUM", "text"))),
        check(opportunity, account, lineItem));
  }

  @Test
  void aRelatedListNeedsAChildRelation() {
    ((ObjectNode) opportunity.get("layouts").get(0).get("relatedLists").get(0))
        .put("object", "invoice");

    assertEquals(
        Map.of(
            "opportunity",
            List.of(
                Problem.at(
                    "/layouts/0/relatedLists/0/object", "object.unknown-object", "invoice"))),
        check(opportunity, account, lineItem));
  }

  private String at(String fieldName, String rest) {
    return "/fields/" + index(opportunity, fieldName) + rest;
  }
}
