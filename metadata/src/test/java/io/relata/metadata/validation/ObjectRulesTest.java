package io.relata.metadata.validation;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.index;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            at("extra", "/name"),
            "name.system-field"),
        refused(
            "duplicate field",
            d -> field(d, "extra").put("name", "title"),
            at("extra", "/name"),
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
            at("quantity", "/scale"),
            "field.scale-exceeds-precision"),
        refused(
            "min above max",
            d -> field(d, "discount").put("min", 50).put("max", 10),
            at("discount", "/min"),
            "field.min-exceeds-max"),
        refused(
            "currency and per record",
            d -> field(d, "amount").put("perRecord", true),
            at("amount", "/currency"),
            "field.currency-or-per-record"),
        refused(
            "neither currency nor per record",
            d -> field(d, "local_amount").remove("perRecord"),
            at("local_amount", "/currency"),
            "field.currency-or-per-record"),
        refused(
            "unknown currency",
            d -> field(d, "amount").put("currency", "XYZ"),
            at("amount", "/currency"),
            "field.unknown-currency"),
        refused(
            "duplicate picklist value",
            d -> ((ObjectNode) field(d, "priority").get("values").get(1)).put("name", "high"),
            at("priority", "/values/1/name"),
            "field.duplicate-value"),
        refused(
            "pattern that does not compile",
            d -> field(d, "title").put("pattern", "(unclosed"),
            at("title", "/pattern"),
            "field.pattern-invalid"),
        refused(
            "pattern with a back-reference",
            d -> field(d, "title").put("pattern", "(a)\\1"),
            at("title", "/pattern"),
            "field.pattern-invalid"),
        refused(
            "pattern that backtracks catastrophically",
            d -> field(d, "title").put("pattern", "^(a+)+$"),
            at("title", "/pattern"),
            "field.pattern-backtracks"),
        refused(
            "required formula",
            d -> field(d, "weighted_amount").put("required", true),
            at("weighted_amount", "/required"),
            "field.computed-option"),
        refused(
            "default for an auto-number",
            d -> field(d, "number").put("defaultValue", 1),
            at("number", "/defaultValue"),
            "field.computed-option"),
        refused(
            "unique long text",
            d -> field(d, "notes").put("unique", true),
            at("notes", "/unique"),
            "field.unique-unsupported"),
        refused(
            "indexed JSON",
            d -> field(d, "extra").put("indexed", true),
            at("extra", "/indexed"),
            "field.index-unsupported"),
        refused(
            "master-detail to itself",
            d -> field(d, "partner").put("target", "opportunity"),
            at("partner", "/target"),
            "field.master-detail-self"),
        refused(
            "sum without a field",
            d -> field(d, "line_total").remove("field"),
            at("line_total", "/field"),
            "field.roll-up-field-required"),
        refused(
            "stage field without pipeline",
            d -> d.remove("pipeline"),
            at("stage", "/type"),
            "field.stage-without-pipeline"),
        refused(
            "two stage fields",
            d -> field(d, "extra").put("type", "stage"),
            at("extra", "/type"),
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
            at("notes", "/renamedFrom"),
            "field.renamed-from-existing"),
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
    String expected = resolve(pointer);
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

  private static String at(String field, String rest) {
    return "field:" + field + rest;
  }

  private static String resolve(String pointer) {
    if (!pointer.startsWith("field:")) {
      return pointer;
    }
    String name = pointer.substring(6, pointer.indexOf('/'));
    return "/fields/"
        + index(object("opportunity"), name)
        + pointer.substring(pointer.indexOf('/'));
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
