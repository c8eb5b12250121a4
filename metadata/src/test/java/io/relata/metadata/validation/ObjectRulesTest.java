package io.relata.metadata.validation;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.inField;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static io.relata.metadata.Fixtures.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectRulesTest {

  @Test
  void theFixtureWithEveryFieldTypeKeepsAllRules() {
    assertEquals(List.of(), ObjectRules.check(definition(object("opportunity"))));
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        refused(
            "reserved object name", d -> d.put("name", "select"), "/name", "name.reserved-word"),
        refused(
            "system field name",
            d -> field(d, "extra").put("name", "owner_id"),
            inField("extra", "/name"),
            "name.system-field"),
        refused(
            "duplicate field",
            d -> field(d, "extra").put("name", "title"),
            inField("extra", "/name"),
            "field.duplicate-name"),
        refused(
            "unknown name field",
            d -> d.put("nameField", "nothing"),
            "/nameField",
            "object.unknown-field"),
        refused(
            "name field of the wrong type",
            d -> d.put("nameField", "amount"),
            "/nameField",
            "object.name-field-type"),
        refused(
            "scale above precision",
            d -> field(d, "quantity").put("precision", 4).put("scale", 6),
            inField("quantity", "/scale"),
            "field.scale-exceeds-precision"),
        refused(
            "min above max",
            d -> field(d, "discount").put("min", 50).put("max", 10),
            inField("discount", "/min"),
            "field.min-exceeds-max"),
        refused(
            "currency and per record",
            d -> field(d, "amount").put("perRecord", true),
            inField("amount", "/currency"),
            "field.currency-or-per-record"),
        refused(
            "neither currency nor per record",
            d -> field(d, "local_amount").remove("perRecord"),
            inField("local_amount", "/currency"),
            "field.currency-or-per-record"),
        refused(
            "unknown currency",
            d -> field(d, "amount").put("currency", "XYZ"),
            inField("amount", "/currency"),
            "field.unknown-currency"),
        refused(
            "duplicate picklist value",
            d -> ((ObjectNode) field(d, "priority").get("values").get(1)).put("name", "high"),
            inField("priority", "/values/1/name"),
            "field.duplicate-value"),
        refused(
            "pattern that does not compile",
            d -> field(d, "title").put("pattern", "(unclosed"),
            inField("title", "/pattern"),
            "field.pattern-invalid"),
        refused(
            "pattern with a back-reference",
            d -> field(d, "title").put("pattern", "(a)\\1"),
            inField("title", "/pattern"),
            "field.pattern-invalid"),
        refused(
            "pattern that backtracks catastrophically",
            d -> field(d, "title").put("pattern", "^(a+)+$"),
            inField("title", "/pattern"),
            "field.pattern-backtracks"),
        refused(
            "required formula",
            d -> field(d, "weighted_amount").put("required", true),
            inField("weighted_amount", "/required"),
            "field.computed-option"),
        refused(
            "default for an auto-number",
            d -> field(d, "number").put("defaultValue", 1),
            inField("number", "/defaultValue"),
            "field.computed-option"),
        refused(
            "unique long text",
            d -> field(d, "notes").put("unique", true),
            inField("notes", "/unique"),
            "field.unique-unsupported"),
        refused(
            "indexed JSON",
            d -> field(d, "extra").put("indexed", true),
            inField("extra", "/indexed"),
            "field.index-unsupported"),
        refused(
            "master-detail to itself",
            d -> field(d, "partner").put("target", "opportunity"),
            inField("partner", "/target"),
            "field.master-detail-self"),
        refused(
            "sum without a field",
            d -> field(d, "line_total").remove("field"),
            inField("line_total", "/field"),
            "field.roll-up-field-required"),
        refused(
            "stage field without pipeline",
            d -> d.remove("pipeline"),
            inField("stage", "/type"),
            "field.stage-without-pipeline"),
        refused(
            "two stage fields",
            d -> field(d, "extra").put("type", "stage"),
            inField("extra", "/type"),
            "field.duplicate-stage"),
        refused(
            "duplicate stage",
            d -> stage(d, 1).put("name", "prospecting"),
            "/pipeline/stages/1/name",
            "pipeline.duplicate-stage"),
        refused(
            "transition to an unknown stage",
            d -> ((ArrayNode) stage(d, 0).get("next")).add("won"),
            "/pipeline/stages/0/next/2",
            "pipeline.unknown-stage"),
        refused(
            "stage requires an unknown field",
            d -> ((ArrayNode) stage(d, 1).get("requiredFields")).add("budget"),
            "/pipeline/stages/1/requiredFields/2",
            "object.unknown-field"),
        refused(
            "a stage's guard reads an unknown field",
            d ->
                stage(d, 1)
                    .putObject("guard")
                    .put("condition", "budget > 0")
                    .put("message", "needs a budget"),
            "/pipeline/stages/1/guard/condition",
            "condition.unknown-field"),
        refused(
            "rule on an unknown field",
            d -> ((ObjectNode) d.get("validationRules").get(0)).put("field", "budget"),
            "/validationRules/0/field",
            "object.unknown-field"),
        refused(
            "duplicate rule",
            d ->
                ((ArrayNode) d.get("validationRules"))
                    .add(d.get("validationRules").get(0).deepCopy()),
            "/validationRules/1/name",
            "rule.duplicate-name"),
        refused(
            "layout with an unknown field",
            d ->
                ((ArrayNode) d.get("layouts").get(0).get("sections").get(0).get("fields"))
                    .add("budget"),
            "/layouts/0/sections/0/fields/4",
            "object.unknown-field"),
        refused(
            "list view column unknown",
            d -> ((ArrayNode) d.get("listViews").get(1).get("columns")).add("budget"),
            "/listViews/1/columns/1",
            "object.unknown-field"),
        refused(
            "list view sorted by an unknown field",
            d -> ((ArrayNode) d.get("listViews").get(0).get("sort")).add("-budget"),
            "/listViews/0/sort/2",
            "object.unknown-field"),
        refused(
            "duplicate list view",
            d -> ((ObjectNode) d.get("listViews").get(1)).put("name", "open_deals"),
            "/listViews/1/name",
            "list-view.duplicate-name"),
        refused(
            "renamed from a field that still exists",
            d -> field(d, "notes").put("renamedFrom", "summary"),
            inField("notes", "/renamedFrom"),
            "field.renamed-from-existing"),
        refused(
            "formula naming a missing field",
            d -> field(d, "weighted_amount").put("expression", "budget * 2"),
            inField("weighted_amount", "/expression"),
            "condition.unknown-field"),
        refused(
            "formula of the wrong result type",
            d -> field(d, "weighted_amount").put("expression", "title"),
            inField("weighted_amount", "/expression"),
            "condition.result-type"),
        refused(
            "formulas in a cycle",
            d -> {
              field(d, "weighted_amount").put("expression", "line_ratio * 2");
              ((ArrayNode) d.get("fields"))
                  .addObject()
                  .put("name", "line_ratio")
                  .put("label", "Ratio")
                  .put("type", "formula")
                  .put("resultType", "number")
                  .put("expression", "weighted_amount / 2");
            },
            inField("weighted_amount", "/expression"),
            "condition.cycle"),
        refused(
            "validation rule that is not a condition",
            d -> ((ObjectNode) d.get("validationRules").get(0)).put("condition", "amount + 1"),
            "/validationRules/0/condition",
            "condition.result-type"),
        refused(
            "validation rule that does not parse",
            d -> ((ObjectNode) d.get("validationRules").get(0)).put("condition", "amount >="),
            "/validationRules/0/condition",
            "condition.unexpected-end"),
        refused(
            "more columns than PostgreSQL can hold",
            ObjectRulesTest::tooManyColumns,
            "/fields",
            "object.too-many-columns"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void refusesWithAPointerAndACode(
      String rule, Consumer<ObjectNode> change, String pointer, String code) {
    ObjectNode doc = object("opportunity");
    change.accept(doc);
    assertEquals(List.of(), MetaSchema.OBJECT.check(doc), "the variation must be well-formed");
    List<Problem> problems = ObjectRules.check(definition(doc));
    String expected = resolve("opportunity", pointer);
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().equals(expected) && p.code().equals(code)),
        () -> rule + ": expected " + code + " at " + expected + " in " + problems);
  }

  @Test
  void systemFieldsAreValidColumnsAndSortKeys() {
    ObjectNode doc = object("opportunity");
    ((ArrayNode) doc.get("listViews").get(1).get("columns")).add("created_at").add("owner_id");
    ((ObjectNode) doc.get("listViews").get(1)).set("sort", json("['-updated_at']"));

    assertEquals(List.of(), ObjectRules.check(definition(doc)));
  }

  private static Arguments refused(
      String rule, Consumer<ObjectNode> change, String pointer, String code) {
    return Arguments.of(rule, change, pointer, code);
  }

  private static ObjectNode stage(ObjectNode doc, int i) {
    return (ObjectNode) doc.get("pipeline").get("stages").get(i);
  }

  /** 500 per-record currencies: two columns each. */
  private static void tooManyColumns(ObjectNode doc) {
    ArrayNode fields = (ArrayNode) doc.get("fields");
    for (int i = 0; i < 500; i++) {
      fields
          .addObject()
          .put("name", "c" + i)
          .put("label", "C" + i)
          .put("type", "currency")
          .put("perRecord", true);
    }
  }
}
