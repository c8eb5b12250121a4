package io.relata.metadata.schema;

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
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaSchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {"opportunity", "account", "line_item"})
  void fixturesWithEveryFieldTypeAndOptionFit(String fixture) {
    assertEquals(List.of(), MetaSchema.OBJECT.check(object(fixture)));
  }

  /** One invalid variation of the opportunity fixture per rule: what is changed, where it fails. */
  static Stream<Arguments> violations() {
    return Stream.of(
        refused("missing name", d -> d.remove("name"), "/name", "schema.required"),
        refused("name in camel case", d -> d.put("name", "Opportunity"), "/name", "schema.pattern"),
        refused("name too long", d -> d.put("name", "o".repeat(64)), "/name", "schema.maxLength"),
        refused(
            "unknown top-level property",
            d -> d.put("colour", "red"),
            "/colour",
            "schema.additionalProperties"),
        refused(
            "unknown record access",
            d -> d.put("recordAccess", "public"),
            "/recordAccess",
            "schema.enum"),
        refused("no fields", d -> d.putArray("fields"), "/fields", "schema.minItems"),
        refused("10,000 fields", MetaSchemaTest::tenThousandFields, "/fields", "schema.maxItems"),
        refused(
            "unknown field type",
            d -> field(d, "title").put("type", "money"),
            inField("title", "/type"),
            "schema.enum"),
        refused(
            "field without label",
            d -> field(d, "title").remove("label"),
            inField("title", "/label"),
            "schema.required"),
        refused(
            "text maxLength 0",
            d -> field(d, "title").put("maxLength", 0),
            inField("title", "/maxLength"),
            "schema.minimum"),
        refused(
            "text maxLength 10001",
            d -> field(d, "title").put("maxLength", 10001),
            inField("title", "/maxLength"),
            "schema.maximum"),
        refused(
            "option of another type",
            d -> field(d, "title").put("target", "account"),
            inField("title", "/target"),
            "schema.unevaluatedProperties"),
        refused(
            "long-text pattern",
            d -> field(d, "notes").put("pattern", "x"),
            inField("notes", "/pattern"),
            "schema.unevaluatedProperties"),
        refused(
            "long-text maxLength too big",
            d -> field(d, "notes").put("maxLength", 200000),
            inField("notes", "/maxLength"),
            "schema.maximum"),
        refused(
            "number precision 39",
            d -> field(d, "quantity").put("precision", 39),
            inField("quantity", "/precision"),
            "schema.maximum"),
        refused(
            "number scale negative",
            d -> field(d, "quantity").put("scale", -1),
            inField("quantity", "/scale"),
            "schema.minimum"),
        refused(
            "number min as text",
            d -> field(d, "quantity").put("min", "0"),
            inField("quantity", "/min"),
            "schema.type"),
        refused(
            "currency code lower case",
            d -> field(d, "amount").put("currency", "eur"),
            inField("amount", "/currency"),
            "schema.pattern"),
        refused(
            "percent with currency",
            d -> field(d, "discount").put("currency", "EUR"),
            inField("discount", "/currency"),
            "schema.unevaluatedProperties"),
        refused(
            "boolean with maxLength",
            d -> field(d, "strategic").put("maxLength", 5),
            inField("strategic", "/maxLength"),
            "schema.unevaluatedProperties"),
        refused(
            "picklist without values",
            d -> field(d, "priority").remove("values"),
            inField("priority", "/values"),
            "schema.required"),
        refused(
            "picklist with no values",
            d -> field(d, "priority").putArray("values"),
            inField("priority", "/values"),
            "schema.minItems"),
        refused(
            "picklist colour",
            d -> ((ObjectNode) field(d, "priority").get("values").get(0)).put("colour", "red"),
            inField("priority", "/values/0/colour"),
            "schema.pattern"),
        refused(
            "multi-picklist value without label",
            d -> ((ObjectNode) field(d, "regions").get("values").get(0)).remove("label"),
            inField("regions", "/values/0/label"),
            "schema.required"),
        refused(
            "lookup without target",
            d -> field(d, "account").remove("target"),
            inField("account", "/target"),
            "schema.required"),
        refused(
            "lookup on-delete",
            d -> field(d, "account").put("onDelete", "ignore"),
            inField("account", "/onDelete"),
            "schema.enum"),
        refused(
            "master-detail on-delete",
            d -> field(d, "partner").put("onDelete", "cascade"),
            inField("partner", "/onDelete"),
            "schema.unevaluatedProperties"),
        refused(
            "auto-number without digits",
            d -> field(d, "number").put("format", "OPP-"),
            inField("number", "/format"),
            "schema.pattern"),
        refused(
            "auto-number negative start",
            d -> field(d, "number").put("start", -1),
            inField("number", "/start"),
            "schema.minimum"),
        refused(
            "formula without result type",
            d -> field(d, "weighted_amount").remove("resultType"),
            inField("weighted_amount", "/resultType"),
            "schema.required"),
        refused(
            "formula empty expression",
            d -> field(d, "weighted_amount").put("expression", ""),
            inField("weighted_amount", "/expression"),
            "schema.minLength"),
        refused(
            "roll-up average",
            d -> field(d, "line_total").put("function", "avg"),
            inField("line_total", "/function"),
            "schema.enum"),
        refused(
            "roll-up without relation",
            d -> field(d, "line_total").remove("relation"),
            inField("line_total", "/relation"),
            "schema.required"),
        refused(
            "stage with options",
            d -> field(d, "stage").put("values", json("[]")),
            inField("stage", "/values"),
            "schema.unevaluatedProperties"),
        refused(
            "probability 101",
            d -> stage(d).put("probability", 101),
            "/pipeline/stages/0/probability",
            "schema.maximum"),
        refused(
            "stage category",
            d -> stage(d).put("category", "paused"),
            "/pipeline/stages/0/category",
            "schema.enum"),
        refused(
            "rule without message",
            d -> ((ObjectNode) d.get("validationRules").get(0)).remove("message"),
            "/validationRules/0/message",
            "schema.required"),
        refused(
            "layout with five columns",
            d -> ((ObjectNode) d.get("layouts").get(0).get("sections").get(0)).put("columns", 5),
            "/layouts/0/sections/0/columns",
            "schema.maximum"),
        refused(
            "list view sort syntax",
            d -> ((ArrayNode) d.get("listViews").get(0).get("sort")).add("amount desc"),
            "/listViews/0/sort/2",
            "schema.pattern"),
        refused(
            "list view visibility",
            d -> ((ObjectNode) d.get("listViews").get(0)).put("visibility", "team"),
            "/listViews/0/visibility",
            "schema.enum"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void refusesWithAPointerToTheOffendingPart(
      String rule, Consumer<ObjectNode> change, String pointer, String code) {
    ObjectNode doc = object("opportunity");
    change.accept(doc);
    List<Problem> problems = MetaSchema.OBJECT.check(doc);
    assertTrue(
        problems.stream()
            .anyMatch(
                p -> p.pointer().equals(resolve("opportunity", pointer)) && p.code().equals(code)),
        () ->
            rule
                + ": expected "
                + code
                + " at "
                + resolve("opportunity", pointer)
                + " in "
                + problems);
  }

  private static Arguments refused(
      String rule, Consumer<ObjectNode> change, String pointer, String code) {
    return Arguments.of(rule, change, pointer, code);
  }

  private static ObjectNode stage(ObjectNode doc) {
    return (ObjectNode) doc.get("pipeline").get("stages").get(0);
  }

  private static void tenThousandFields(ObjectNode doc) {
    ArrayNode fields = doc.putArray("fields");
    for (int i = 0; i < 10_000; i++) {
      fields.addObject().put("name", "f" + i).put("label", "F" + i).put("type", "text");
    }
  }
}
