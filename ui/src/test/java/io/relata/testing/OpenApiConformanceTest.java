package io.relata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.platform.openapi.OpenApiDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's check of answers against the document finds what it is there to find. */
class OpenApiConformanceTest {

  private static final String JSON = "application/json";
  private static final String ID = "0b0e6f7e-3c59-4c1e-9d55-3c3f3f0f6a01";
  private static final JsonNode DOCUMENT = document();

  @Test
  void aReadWithAnExpandedReferenceIsDescribed() {
    String expanded =
        "{'id':'ID','title':'A','account':{'id':'ID','name':'Acme'}}".replace("ID", ID);
    assertEquals(
        List.of(),
        check("GET", "api/v1/records/deal/" + ID + "?expand=account", 200, JSON, expanded));
    String plain = "{'id':'ID','title':'A','account':'ID'}".replace("ID", ID);
    assertEquals(List.of(), check("GET", "api/v1/records/deal/" + ID, 200, JSON, plain));
    String empty = "{'id':'ID','title':null,'account':null}".replace("ID", ID);
    assertEquals(List.of(), check("GET", "api/v1/records/deal/" + ID, 200, JSON, empty));
  }

  @Test
  void aValueOfTheWrongTypeIsFound() {
    String wrong = "{'id':'ID','title':42}".replace("ID", ID);
    assertEquals(1, check("GET", "api/v1/records/deal/" + ID, 200, JSON, wrong).size());
    String notAnId = "{'id':'ID','account':'acme'}".replace("ID", ID);
    assertTrue(
        check("GET", "api/v1/records/deal/" + ID, 200, JSON, notAnId).toString().contains("uuid"));
  }

  @Test
  void searchHitsHaveASchema() {
    String hits = "{'items':[{'object':'deal','id':'ID','name':'A','rank':0.5}]}".replace("ID", ID);
    assertEquals(List.of(), check("GET", "api/v1/search?q=a", 200, JSON, hits));
    String wrong = "{'items':[{'object':'deal','id':'ID','name':'A','rank':'high'}]}";
    assertEquals(1, check("GET", "api/v1/search?q=a", 200, JSON, wrong.replace("ID", ID)).size());
  }

  @Test
  void anUndescribedStatusOrMediaTypeIsFound() {
    String problem = "{'type':'urn:relata:problem:x','title':'X','status':418}";
    assertTrue(
        check("GET", "api/v1/users/me", 418, "application/problem+json", problem)
            .get(0)
            .contains("418"));
    assertTrue(
        check("GET", "api/v1/users/me", 200, "text/html", "<p>").get(0).contains("media type"));
  }

  @Test
  void aPathThatIsNotServedMustAnswerAProblem() {
    String problem = "{'type':'urn:relata:problem:not-found','title':'Not found','status':404}";
    assertEquals(
        List.of(), check("GET", "api/v1/nothing", 404, "application/problem+json", problem));
    assertTrue(check("GET", "api/v1/nothing", 200, JSON, "{}").get(0).contains("no operation"));
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    // /users/me, not /users/{id}: a body the user schema would refuse for lack of fields
    String me = "{'id':'ID','username':'alan','permissionSets':[]}".replace("ID", ID);
    List<String> problems = check("GET", "api/v1/users/me", 200, JSON, me);
    assertEquals(List.of(), problems);
  }

  private static List<String> check(
      String method, String path, int status, String type, String body) {
    return OpenApiConformance.check(DOCUMENT, method, path, status, type, body.replace('\'', '"'));
  }

  private static JsonNode document() {
    try {
      return OpenApiDocument.of(
          1,
          List.of(
              DefinitionReader.object(
                  new ObjectMapper()
                      .readTree(
                          ("{'name':'deal','label':'Deal','nameField':'title','fields':["
                                  + "{'name':'title','label':'Title','type':'text'},"
                                  + "{'name':'account','label':'Account','type':'lookup',"
                                  + "'target':'account'}]}")
                              .replace('\'', '"')))),
          "test");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
