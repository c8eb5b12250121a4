package io.relata.metadata.type;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.Fixtures;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.record.RecordReader;
import io.relata.metadata.schema.RecordSchema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FieldTypesTest {

  private static final String RATED =
      "{'name':'review','label':'Review','nameField':'title','fields':["
          + "{'name':'title','label':'Title','type':'text'},"
          + "{'name':'rating','label':'Rating','type':'test__rating','options':{'stars':10},"
          + "'defaultValue':3}]}";

  private static ModelCompiler.Result compile(String document) {
    return DocumentKinds.compile(
        1,
        Documents.of(
            List.of(json(document)),
            new io.relata.metadata.access.AccessDocuments(List.of(), List.of(), List.of())));
  }

  @Test
  void everyBuiltInTypeHasOneSpecificationUnderItsOwnName() {
    Set<String> ids =
        Arrays.stream(FieldKind.values())
            .filter(k -> k != FieldKind.PLUGIN)
            .map(k -> FieldTypes.named(k.id()).orElseThrow().id())
            .collect(Collectors.toSet());
    assertEquals(FieldKind.values().length - 1, ids.size());
    assertTrue(FieldTypes.named("plugin").isEmpty(), "PLUGIN is no document's type");
  }

  @Test
  void aPluginsTypeIsFoundByTheSameLookupAndWorksLikeABuiltIn() throws ConditionException {
    ModelCompiler.Result result = compile(RATED);
    assertTrue(result.ok(), result.problems().toString());
    CompiledModel model = result.model();
    ObjectDefinition review = model.object("review").orElseThrow();
    FieldType rating = review.field("rating").orElseThrow().type();
    FieldTypeSpec spec = FieldTypes.of(rating);
    assertEquals("test__stars", spec.editor());
    assertEquals("numeric(2,0)", spec.column(rating).orElseThrow().sql());

    RecordReader.Result read = RecordReader.read(review, json("{'title':'Good','rating':9}"));
    assertTrue(read.ok(), read.problems().toString());
    assertEquals(0, new BigDecimal(9).compareTo((BigDecimal) read.values().get("rating")));
    RecordReader.Result tooMany = RecordReader.read(review, json("{'title':'Good','rating':11}"));
    assertEquals(List.of("/rating"), tooMany.problems().stream().map(Problem::pointer).toList());
    assertFalse(RecordSchema.of(review).check(json("{'title':'x','rating':0}")).isEmpty());

    assertEquals(
        Set.of("rating"),
        ConditionChecker.check("rating >= 4 and rating != 7", review, Scope.QUERY).references());
  }

  @Test
  void aTypeNoPluginProvidesIsRefusedAtItsField() {
    ModelCompiler.Result result =
        compile(RATED.replace("test__rating", "acme__nothing").replace(",'defaultValue':3", ""));
    assertFalse(result.ok());
    assertTrue(
        result.problems().toString().contains("field.unknown-type"), result.problems().toString());
  }

  @Test
  void defaultValuesAreTypeCheckedWhenTheDocumentIsSaved() {
    JsonNode deal = Fixtures.object("deal");
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            Fixtures.field((com.fasterxml.jackson.databind.node.ObjectNode) deal, "quantity"))
        .put("defaultValue", "many");
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            Fixtures.field((com.fasterxml.jackson.databind.node.ObjectNode) deal, "tags"))
        .set("defaultValue", json("['hot', 'cold']"));
    List<Problem> problems =
        io.relata.metadata.validation.ObjectRules.check(Fixtures.definition(deal));
    int quantity =
        Fixtures.index((com.fasterxml.jackson.databind.node.ObjectNode) deal, "quantity");
    int tags = Fixtures.index((com.fasterxml.jackson.databind.node.ObjectNode) deal, "tags");
    assertEquals(
        List.of(
            Problem.at("/fields/" + quantity + "/defaultValue", "record.type", "number"),
            Problem.at("/fields/" + tags + "/defaultValue/1", "record.not-allowed", "cold")),
        problems);
    assertEquals(
        ValueType.NUMBER,
        FieldTypes.of(
                Fixtures.definition(Fixtures.object("deal")).field("quantity").orElseThrow().type())
            .valueType(
                Fixtures.definition(Fixtures.object("deal"))
                    .field("quantity")
                    .orElseThrow()
                    .type()));
  }
}
