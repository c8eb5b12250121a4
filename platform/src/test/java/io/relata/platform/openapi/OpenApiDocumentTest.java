package io.relata.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void objectsWhoseTypeNamesCollideGetNamesOfTheirOwn() throws IOException {
    JsonNode doc =
        OpenApiDocument.of(
            7,
            List.of(
                object("sales__deal"), object("sales_deal"), object("problem"), object("users")),
            "1.0");
    JsonNode schemas = doc.at("/components/schemas");
    // the fixed Problem schema is not replaced by the object's
    assertEquals(List.of("type", "title", "status"), strings(schemas.at("/Problem/required")));
    assertEquals("Problem", schemas.at("/ProblemRecord/title").asText());
    assertEquals("sales__deal", schemas.at("/SalesDeal/title").asText(), "sorted first");
    assertEquals("sales_deal", schemas.at("/SalesDealRecord/title").asText());
    // listUsers is the directory's: the object users gets listUsersRecord
    assertEquals(
        "listUsers", doc.at("/paths/~1api~1v1~1users/get/operationId").asText(), "the directory's");
    assertEquals(
        "listUsersRecord",
        doc.at("/paths/~1api~1v1~1records~1users/get/operationId").asText(),
        "the object's");
    assertEquals("1.0+metadata.7", doc.at("/info/version").asText());
  }

  @Test
  void anObjectNamedLikeATemplatesSharedSchemaLeavesItAlone() throws IOException {
    JsonNode doc = OpenApiDocument.of(1, List.of(object("share"), object("task")), "1.0");
    JsonNode schemas = doc.at("/components/schemas");
    assertEquals("share", schemas.at("/ShareRecord/title").asText());
    assertTrue(schemas.at("/Share/properties").has("access"), "the shares' own schema");
    assertEquals(
        "#/components/schemas/ShareList",
        doc.at(
                "/paths/~1api~1v1~1records~1task~1{id}~1shares/get/responses/200/content"
                    + "/application~1json/schema/$ref")
            .asText());
  }

  @Test
  void everyReferenceResolvesAndEveryOperationIdIsUnique() throws IOException {
    JsonNode doc = OpenApiDocument.of(1, List.of(object("deal"), object("account")), "1.0");
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertTrue(refs.size() > 100, "references: " + refs.size());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertTrue(!doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
    }
    Set<String> ids = new TreeSet<>();
    List<String> duplicates = new ArrayList<>();
    doc.get("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      String id = operation.path("operationId").asText(null);
                      if (id != null && !ids.add(id)) {
                        duplicates.add(id);
                      }
                    }));
    assertEquals(List.of(), duplicates);
    for (DocumentKind kind : DocumentKinds.all()) {
      assertTrue(doc.get("paths").has("/api/v1/metadata/" + kind.id() + "/{name}"), kind.id());
    }
  }

  @Test
  void problemAnswersFollowTheOperationsShape() throws IOException {
    JsonNode doc = OpenApiDocument.of(1, List.of(object("deal")), "1.0");
    JsonNode issue = doc.at("/paths/~1api~1v1~1auth~1tokens/post/responses");
    assertTrue(issue.has("400") && issue.has("413") && issue.has("415"), "a body: " + issue);
    assertTrue(issue.has("401"), "a wrong password is described by the fragment: " + issue);
    JsonNode me = doc.at("/paths/~1api~1v1~1users~1me/get/responses");
    assertTrue(me.has("401") && me.has("406") && me.has("500"), me.toString());
    assertTrue(!me.has("400") && !me.has("413"), "no parameters, no body: " + me);
    JsonNode create = doc.at("/paths/~1api~1v1~1records~1deal/post/responses");
    assertTrue(create.has("403"), "a read-only token may not write: " + create);
  }

  @Test
  void aReferenceReadsAsAnIdOrAsWhatExpandAnswers() throws IOException {
    JsonNode doc = OpenApiDocument.of(1, List.of(object("deal")), "1.0");
    JsonNode account = doc.at("/components/schemas/Deal/properties/account");
    assertEquals("uuid", account.at("/oneOf/0/format").asText(), account.toString());
    assertEquals("#/components/schemas/Reference", account.at("/oneOf/1/$ref").asText());
    JsonNode written = doc.at("/components/schemas/DealInput/properties/account");
    assertEquals("uuid", written.path("format").asText(), "written as an id only: " + written);
  }

  private static ObjectDefinition object(String name) throws IOException {
    return DefinitionReader.object(
        JSON.readTree(
            ("{'name':'NAME','label':'LABEL','nameField':'title','fields':["
                    + "{'name':'title','label':'Title','type':'text'},"
                    + "{'name':'account','label':'Account','type':'lookup','target':'account'}]}")
                .replace("NAME", name)
                .replace("LABEL", name.equals("problem") ? "Problem" : name)
                .replace('\'', '"')));
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(e -> strings.add(e.asText()));
    return strings;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
