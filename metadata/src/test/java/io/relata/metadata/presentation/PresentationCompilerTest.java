package io.relata.metadata.presentation;

import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Apps and dashboards compile against the objects and roles they name, or say what is wrong. */
class PresentationCompilerTest {

  private static final Documents MODEL =
      Documents.of(
          List.of(object("account"), object("opportunity"), object("line_item")),
          new AccessDocuments(
              List.of(json("{'name':'sales','label':'Sales'}")), List.of(), List.of()));

  private static final String PIPELINE =
      "{'type':'funnel','title':'Pipeline','object':'opportunity','groupBy':'stage',"
          + "'measure':'sum:amount'}";

  private static final String FORECAST =
      "{'type':'forecast','title':'Forecast','object':'opportunity','groupBy':'close_date:month',"
          + "'series':'owner_id','measure':'weighted:amount','role':'sales',"
          + "'filter':'stage != \\'closed_lost\\''}";

  private static ModelCompiler.Result compile(List<String> widgets, String... apps) {
    ObjectNode dashboard = (ObjectNode) json("{'name':'sales_home','label':'Sales','widgets':[]}");
    widgets.forEach(w -> dashboard.withArray("widgets").add(json(w)));
    Documents documents = MODEL.put(DocumentKinds.DASHBOARDS, dashboard);
    for (String app : apps) {
      documents = documents.put(DocumentKinds.APPS, json(app));
    }
    return DocumentKinds.compile(4, documents);
  }

  @Test
  void anAppAndADashboardOfEveryTypeCompile() {
    ModelCompiler.Result result =
        compile(
            List.of(
                "{'type':'metric','title':'Open','object':'opportunity','measure':'count'}",
                "{'type':'bar','title':'By priority','object':'opportunity','groupBy':'priority',"
                    + "'series':'owner_id','measure':'sum:amount','width':2}",
                PIPELINE,
                "{'type':'line','title':'Won','object':'opportunity',"
                    + "'groupBy':'close_date:month','measure':'count'}",
                "{'type':'table','title':'Accounts','object':'account','groupBy':'owner_id',"
                    + "'measure':'count'}",
                FORECAST),
            "{'name':'sales','label':'Sales','icon':'briefcase',"
                + "'objects':['opportunity','account'],'home':'sales_home'}");
    assertTrue(result.ok(), result.problems().toString());
    Presentation presentation = result.model().presentation();
    App sales = presentation.app("sales").orElseThrow();
    assertEquals(List.of("opportunity", "account"), sales.objects());
    assertEquals("sales_home", sales.home().orElseThrow());
    Dashboard home = presentation.dashboard("sales_home").orElseThrow();
    assertEquals(6, home.widgets().size());
    Widget forecast = home.widgets().get(5);
    assertEquals(Widget.Type.FORECAST, forecast.type());
    assertEquals("close_date", forecast.groupField().orElseThrow());
    assertEquals("month", forecast.period().orElseThrow());
    assertEquals("weighted", forecast.measureFunction());
    assertEquals("amount", forecast.measureField().orElseThrow());
    assertEquals(2, home.widgets().get(1).width());
    assertEquals(1, home.widgets().get(0).width());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "{'type':'bar','title':'x','object':'nothing','groupBy':'stage','measure':'count'}",
            "/widgets/0/object",
            "widget.unknown-object"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','measure':'count'}",
            "/widgets/0/groupBy",
            "widget.grouping-required"),
        Arguments.of(
            "{'type':'metric','title':'x','object':'opportunity','groupBy':'stage',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "widget.no-grouping"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','groupBy':'nothing',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "query.unknown-field"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','groupBy':'notes',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "query.not-groupable"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','groupBy':'priority:month',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "widget.period-on-date"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','groupBy':'priority',"
                + "'series':'priority','measure':'count'}",
            "/widgets/0/series",
            "widget.series-same"),
        Arguments.of(
            "{'type':'bar','title':'x','object':'opportunity','groupBy':'priority',"
                + "'measure':'sum:title'}",
            "/widgets/0/measure",
            "query.not-summable"),
        Arguments.of(
            "{'type':'metric','title':'x','object':'line_item','measure':'weighted:price'}",
            "/widgets/0/measure",
            "widget.needs-pipeline"),
        Arguments.of(
            "{'type':'funnel','title':'x','object':'opportunity','groupBy':'priority',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "widget.funnel-by-stage"),
        Arguments.of(
            "{'type':'funnel','title':'x','object':'account','groupBy':'stage','measure':'count'}",
            "/widgets/0/object",
            "widget.needs-pipeline"),
        Arguments.of(
            "{'type':'line','title':'x','object':'opportunity','groupBy':'close_date',"
                + "'measure':'count'}",
            "/widgets/0/groupBy",
            "widget.period-required"),
        Arguments.of(
            "{'type':'forecast','title':'x','object':'opportunity','groupBy':'close_date:month',"
                + "'measure':'sum:amount'}",
            "/widgets/0/measure",
            "widget.forecast-weighted"),
        Arguments.of(
            "{'type':'metric','title':'x','object':'opportunity','measure':'count',"
                + "'filter':'nothing = 1'}",
            "/widgets/0/filter",
            "condition.unknown-field"),
        Arguments.of(
            "{'type':'metric','title':'x','object':'opportunity','measure':'count',"
                + "'role':'nobody'}",
            "/widgets/0/role",
            "access.unknown-role"),
        Arguments.of(
            "{'type':'metric','title':'x','object':'opportunity','measure':'max:close_date'}",
            "/widgets/0/measure",
            "widget.measure-number"),
        Arguments.of(
            "{'type':'funnel','title':'x','object':'opportunity','groupBy':'stage',"
                + "'series':'priority','measure':'count'}",
            "/widgets/0/series",
            "widget.no-series"),
        Arguments.of(
            "{'type':'pie','title':'x','object':'opportunity','measure':'count'}",
            "/widgets/0/type",
            "schema.enum"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("refused")
  void aWidgetThatCannotBeComputedIsRefusedAtItsPlace(String widget, String pointer, String code) {
    ModelCompiler.Result result = compile(List.of(widget));
    assertFalse(result.ok());
    List<Problem> problems = result.problems().get("dashboards/sales_home");
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().equals(pointer) && p.code().equals(code)),
        problems.toString());
  }

  @Test
  void anAppNamesObjectsAndADashboardThatExist() {
    ModelCompiler.Result result =
        compile(
            List.of(),
            "{'name':'sales','label':'Sales','objects':['account','ghost'],'home':'nowhere'}");
    assertFalse(result.ok());
    assertEquals(
        Map.of(
            "apps/sales",
            List.of(
                Problem.at("/objects/1", "app.unknown-object", "ghost"),
                Problem.at("/home", "app.unknown-dashboard", "nowhere"))),
        result.problems());
  }

  @Test
  void twoAppsOfOneNameAreRefused() {
    Documents documents =
        MODEL.with(
            DocumentKinds.APPS,
            List.<JsonNode>of(
                json("{'name':'sales','label':'A','objects':[]}"),
                json("{'name':'sales','label':'B','objects':[]}")));
    ModelCompiler.Result result = DocumentKinds.compile(4, documents);
    assertEquals(
        List.of(Problem.at("/name", "presentation.duplicate-name", "sales")),
        result.problems().get("apps/sales"));
  }
}
