package io.relata.metadata.presentation;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.change.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apps and dashboards follow a change of the objects they name. */
class PresentationRewriteTest {

  @Test
  void aRemovedObjectLeavesItsAppsAndTakesItsWidgets() {
    List<Change> removed = List.of(new Change.ObjectRemoved(definition(object("account"))));
    List<JsonNode> apps =
        PresentationRewrite.apps(
            List.of(json("{'name':'sales','label':'Sales','objects':['account','opportunity']}")),
            removed);
    assertEquals(json("['opportunity']"), apps.get(0).get("objects"));
    List<JsonNode> dashboards =
        PresentationRewrite.dashboards(
            List.of(
                json(
                    "{'name':'d','label':'D','widgets':["
                        + "{'type':'metric','title':'A','object':'account','measure':'count'},"
                        + "{'type':'metric','title':'O','object':'opportunity','measure':'count'}"
                        + "]}")),
            removed);
    assertEquals(1, dashboards.get(0).get("widgets").size());
    assertEquals("opportunity", dashboards.get(0).get("widgets").get(0).get("object").asText());
  }

  @Test
  void aRenamedFieldIsRenamedInGroupingSeriesAndMeasure() {
    List<JsonNode> dashboards =
        PresentationRewrite.dashboards(
            List.of(
                json(
                    "{'name':'d','label':'D','widgets':["
                        + "{'type':'forecast','title':'F','object':'opportunity',"
                        + "'groupBy':'close_date:month','series':'close_date',"
                        + "'measure':'weighted:amount'},"
                        + "{'type':'bar','title':'B','object':'account','groupBy':'close_date',"
                        + "'measure':'sum:amount'}]}")),
            List.of(
                new Change.FieldRenamed("opportunity", "close_date", "expected_close"),
                new Change.FieldRenamed("opportunity", "amount", "value")));
    JsonNode forecast = dashboards.get(0).get("widgets").get(0);
    assertEquals("expected_close:month", forecast.get("groupBy").asText());
    assertEquals("expected_close", forecast.get("series").asText());
    assertEquals("weighted:value", forecast.get("measure").asText());
    // another object's fields of the same names stay
    JsonNode other = dashboards.get(0).get("widgets").get(1);
    assertEquals("close_date", other.get("groupBy").asText());
    assertEquals("sum:amount", other.get("measure").asText());
  }
}
