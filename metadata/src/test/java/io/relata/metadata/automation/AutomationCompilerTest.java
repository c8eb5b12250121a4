package io.relata.metadata.automation;

import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Automations compile against the objects they name, or say where they are wrong. */
class AutomationCompilerTest {

  private static final Documents MODEL =
      Documents.of(
          List.of(
              object("account"),
              object("opportunity"),
              object("line_item"),
              json(
                  "{'name':'activity','label':'Activity','nameField':'subject','fields':["
                      + "{'name':'subject','label':'Subject','type':'text'},"
                      + "{'name':'opportunity','label':'Opportunity','type':'lookup',"
                      + "'target':'opportunity','onDelete':'set-null'},"
                      + "{'name':'kind','label':'Kind','type':'picklist','values':["
                      + "{'name':'task','label':'Task'},{'name':'call','label':'Call'}]}]}")),
          new AccessDocuments(List.of(), List.of(), List.of()));

  private static ModelCompiler.Result compile(String... automations) {
    Documents documents = MODEL;
    for (String automation : automations) {
      documents = documents.put(DocumentKinds.AUTOMATIONS, json(automation));
    }
    return DocumentKinds.compile(7, documents);
  }

  private static List<Problem> problems(ModelCompiler.Result result, String name) {
    assertFalse(result.ok(), "refused");
    return result.problems().getOrDefault("automations/" + name, List.of());
  }

  private static void refusedAt(ModelCompiler.Result result, String pointer, String code) {
    List<Problem> problems = problems(result, "flag");
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().equals(pointer) && p.code().equals(code)),
        problems.toString());
  }

  @Test
  void recordAndDateAutomationsCompileWithTheirActions() {
    ModelCompiler.Result result =
        compile(
            "{'name':'flag_big','label':'Flag big deals','object':'opportunity','order':5,"
                + "'trigger':{'type':'record','timing':'before','on':['create','update'],"
                + "'fields':['amount']},"
                + "'condition':'amount > 100000 and amount is changed',"
                + "'actions':[{'type':'set','values':{'priority':'high'},"
                + "'formulas':{'quantity':'quantity + 1'}}]}",
            "{'name':'won_follow_up','label':'Thank the account','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['update'],"
                + "'stage':{'enters':'closed_won'}},"
                + "'actions':[{'type':'task','subject':'Send a thank-you','due':'P2D'},"
                + "{'type':'create','object':'activity','link':'opportunity',"
                + "'values':{'subject':'Renewal call'},'formulas':{'kind':'\\'call\\''}}]}",
            "{'name':'closing_soon','label':'Closing soon','object':'opportunity','active':false,"
                + "'trigger':{'type':'date','field':'close_date','offset':'-P3D'},"
                + "'condition':'stage != \\'closed_won\\'',"
                + "'actions':[{'type':'task','subject':'Call before it closes','kind':'call'}]}");
    assertTrue(result.ok(), result.problems().toString());
    Automations automations = result.model().automations();
    assertEquals(
        List.of("flag_big", "closing_soon", "won_follow_up"),
        automations.all().stream().map(Automation::name).toList(),
        "by order, then name");

    Automation flag = automations.named("flag_big").orElseThrow();
    Trigger.OnWrite write = (Trigger.OnWrite) flag.trigger();
    assertEquals(Trigger.Timing.BEFORE, write.timing());
    assertEquals(Set.of(Trigger.Event.CREATE, Trigger.Event.UPDATE), write.events());
    assertEquals(List.of("amount"), write.fields());
    assertTrue(flag.condition().isPresent());
    Action.Set set = (Action.Set) flag.actions().get(0);
    assertEquals("high", set.values().values().get("priority").asText());
    assertEquals(Set.of("quantity"), set.values().formulas().keySet());

    Automation won = automations.named("won_follow_up").orElseThrow();
    assertEquals(Optional.of("closed_won"), ((Trigger.OnWrite) won.trigger()).entersStage());
    Action.Task task = (Action.Task) won.actions().get(0);
    assertEquals(Optional.of(Duration.ofDays(2)), task.due());
    assertEquals("task", task.kind());
    Action.Create create = (Action.Create) won.actions().get(1);
    assertEquals("activity", create.object());
    assertEquals(Optional.of("opportunity"), create.link());
    assertEquals("Renewal call", create.values().values().get("subject").asText());

    Automation soon = automations.named("closing_soon").orElseThrow();
    assertFalse(soon.active());
    assertEquals(new Trigger.OnDate("close_date", Duration.ofDays(-3)), soon.trigger());
    assertEquals(
        List.of(),
        automations.active("opportunity", Trigger.OnDate.class),
        "an inactive automation is kept and never runs");
    assertEquals(
        List.of("flag_big", "won_follow_up"),
        automations.active("opportunity", Trigger.OnWrite.class).stream()
            .map(Automation::name)
            .toList());
    assertEquals(3, Documents.of(result.model()).of(DocumentKinds.AUTOMATIONS).size());
  }

  @Test
  void unknownObjectsFieldsAndStagesAreRefusedAtTheirPlace() {
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'deal',"
                + "'trigger':{'type':'record','timing':'after','on':['create']},"
                + "'actions':[{'type':'task','subject':'x'}]}"),
        "/object",
        "automation.unknown-object");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['update'],"
                + "'fields':['amount','budget'],'stage':{'leaves':'negotiation'}},"
                + "'actions':[{'type':'task','subject':'x'}]}"),
        "/trigger/fields/1",
        "automation.unknown-field");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['update'],"
                + "'stage':{'leaves':'negotiation'}},"
                + "'actions':[{'type':'task','subject':'x'}]}"),
        "/trigger/stage/leaves",
        "automation.unknown-stage");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'date','field':'title','offset':'P1D'},"
                + "'actions':[{'type':'task','subject':'x'}]}"),
        "/trigger/field",
        "automation.not-a-date");
  }

  @Test
  void conditionsFormulasAndValuesAreCheckedAgainstTheObject() {
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['create']},"
                + "'condition':'budget > 5',"
                + "'actions':[{'type':'set','values':{'priority':'urgent'}}]}"),
        "/actions/0/values/priority",
        "record.not-allowed");
    ModelCompiler.Result condition =
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['create']},"
                + "'condition':'budget > 5',"
                + "'actions':[{'type':'set','values':{'priority':'high'}}]}");
    assertTrue(
        problems(condition, "flag").stream().anyMatch(p -> p.pointer().startsWith("/condition")),
        problems(condition, "flag").toString());
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['create']},"
                + "'actions':[{'type':'set','formulas':{'amount':'title'}}]}"),
        "/actions/0/formulas/amount",
        "automation.formula-type");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['create']},"
                + "'actions':[{'type':'set','formulas':{'weighted_amount':'amount'}}]}"),
        "/actions/0/formulas/weighted_amount",
        "record.unknown-field");
    ModelCompiler.Result prior =
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'date','field':'close_date','offset':'P1D'},"
                + "'condition':'amount is changed',"
                + "'actions':[{'type':'task','subject':'x'}]}");
    assertTrue(
        problems(prior, "flag").stream().anyMatch(p -> p.pointer().startsWith("/condition")),
        "a date has no write to ask what changed: " + problems(prior, "flag"));
  }

  @Test
  void aBeforeSaveAutomationOnlySetsTheRecordsOwnFields() {
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['create']},"
                + "'actions':[{'type':'task','subject':'Call'}]}"),
        "/actions/0/type",
        "automation.before-save-sets-only");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'before','on':['delete']},"
                + "'actions':[{'type':'set','values':{'priority':'high'}}]}"),
        "/trigger/on",
        "automation.before-delete");
  }

  @Test
  void aCreatedRecordsLinkMustReferToTheTriggeringObjectAndTasksNeedAKnownKind() {
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['create']},"
                + "'actions':[{'type':'create','object':'opportunity','link':'account'}]}"),
        "/actions/0/link",
        "automation.bad-link");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['create']},"
                + "'actions':[{'type':'task','subject':'x','kind':'meeting','due':'P'}]}"),
        "/actions/0/kind",
        "automation.unknown-activity-kind");
    refusedAt(
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['create']},"
                + "'actions':[{'type':'task','subject':'x','due':'P'}]}"),
        "/actions/0/due",
        "automation.duration");
  }

  @Test
  void theMetaSchemaRefusesAnActionOfAnUnknownTypeOrWithMembersItDoesNotTake() {
    ModelCompiler.Result result =
        compile(
            "{'name':'flag','label':'F','object':'opportunity',"
                + "'trigger':{'type':'record','timing':'after','on':['create']},"
                + "'actions':[{'type':'set','values':{'priority':'high'},'subject':'x'},"
                + "{'type':'teleport'}]}");
    List<Problem> problems = problems(result, "flag");
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().startsWith("/actions/0")), problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().startsWith("/actions/1")), problems.toString());
  }

  @Test
  void assignmentRulesCompileAndAnAssignActionMustNameRulesOfItsObject() {
    String rules =
        "{'name':'big_deals','label':'Big deals','object':'opportunity','rules':["
            + "{'label':'Large','condition':'amount > 100000','assignTo':{'user':'Karin'}},"
            + "{'condition':'quantity >= 10','assignTo':{'group':'sales','method':'least-loaded'}}],"
            + "'fallback':{'group':'sales'}}";
    Documents documents =
        MODEL
            .put(DocumentKinds.ASSIGNMENT_RULES, json(rules))
            .put(
                DocumentKinds.AUTOMATIONS,
                json(
                    "{'name':'route','label':'Route','object':'opportunity',"
                        + "'trigger':{'type':'record','timing':'before','on':['create']},"
                        + "'actions':[{'type':'assign','rules':'big_deals'},"
                        + "{'type':'assign','to':{'user':'alan'}}]}"));
    ModelCompiler.Result result = DocumentKinds.compile(7, documents);
    assertTrue(result.ok(), result.problems().toString());
    AssignmentRules table = result.model().automations().assignment("big_deals").orElseThrow();
    assertEquals(2, table.rules().size());
    assertEquals(new Assignee.User("karin"), table.rules().get(0).to());
    assertEquals(Optional.of("Large"), table.rules().get(0).label());
    assertEquals("amount > 100000", table.rules().get(0).source());
    assertEquals(
        new Assignee.Group("sales", Assignee.Method.LEAST_LOADED), table.rules().get(1).to());
    assertEquals(new Assignee.Group("sales", Assignee.Method.ROUND_ROBIN), table.fallback());
    assertEquals(
        List.of(
            new Action.Assign(Optional.of("big_deals"), Optional.empty()),
            new Action.Assign(Optional.empty(), Optional.of(new Assignee.User("alan")))),
        result.model().automations().named("route").orElseThrow().actions());
    assertEquals(
        List.of(json(rules)),
        Documents.of(result.model()).of(DocumentKinds.ASSIGNMENT_RULES),
        "the documents are kept as written");

    ModelCompiler.Result wrong =
        DocumentKinds.compile(
            7,
            documents
                .put(
                    DocumentKinds.ASSIGNMENT_RULES,
                    json(
                        "{'name':'accounts','label':'A','object':'account','rules':[],"
                            + "'fallback':{'user':'alan'}}"))
                .put(
                    DocumentKinds.ASSIGNMENT_RULES,
                    json(
                        "{'name':'bad','label':'B','object':'opportunity','rules':["
                            + "{'condition':'nonsense > 1','assignTo':{'user':'a'}}],"
                            + "'fallback':{'user':'alan'}}"))
                .put(
                    DocumentKinds.AUTOMATIONS,
                    json(
                        "{'name':'flag','label':'F','object':'opportunity',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'actions':[{'type':'assign','rules':'accounts'}]}")));
    refusedAt(wrong, "/actions/0/rules", "automation.unknown-assignment");
    assertTrue(
        wrong.problems().get("assignment-rules/bad").stream()
            .anyMatch(p -> p.pointer().equals("/rules/0/condition")),
        wrong.problems().toString());
    assertFalse(
        DocumentKinds.compile(
                7,
                MODEL.put(
                    DocumentKinds.ASSIGNMENT_RULES,
                    json(
                        "{'name':'x','label':'X','object':'opportunity','rules':[],"
                            + "'fallback':{'user':'a','group':'sales'}}")))
            .ok(),
        "an assignee is a user or a group, not both");
  }

  @Test
  void emailTemplatesAndWebhooksCompileAndTheActionsThatNameThemAreChecked() {
    String template =
        "{'name':'won','label':'Won','object':'opportunity','fallback':'en','messages':{"
            + "'en':{'subject':'{title} is won','body':'Hello,\\n{title} for {amount}.'},"
            + "'sv':{'subject':'{title} är vunnen','body':'Hej,\\n{title} för {amount}.'}}}";
    String hook = "{'name':'erp','label':'ERP','url':'https://erp.example.com/hooks/relata'}";
    Documents documents =
        MODEL
            .put(DocumentKinds.EMAIL_TEMPLATES, json(template))
            .put(DocumentKinds.WEBHOOKS, json(hook))
            .put(
                DocumentKinds.AUTOMATIONS,
                json(
                    "{'name':'tell','label':'Tell','object':'opportunity',"
                        + "'trigger':{'type':'record','timing':'after','on':['create']},"
                        + "'actions':[{'type':'email','template':'won','to':{'owner':true}},"
                        + "{'type':'email','template':'won','to':{'field':'contact_email'}},"
                        + "{'type':'webhook','webhook':'erp','fields':['title','amount']}]}"));
    ModelCompiler.Result result = DocumentKinds.compile(7, documents);
    assertTrue(result.ok(), result.problems().toString());
    Automations compiled = result.model().automations();
    EmailTemplate won = compiled.template("won").orElseThrow();
    assertEquals("{title} är vunnen", won.message("sv").subject());
    assertEquals("{title} is won", won.message("fi").subject(), "a reader of fi gets the fallback");
    assertEquals("erp.example.com", compiled.webhook("erp").orElseThrow().url().getHost());
    assertEquals(
        List.of(
            new Action.Email("won", "owner", Optional.empty()),
            new Action.Email("won", "field", Optional.of("contact_email")),
            new Action.Webhook("erp", List.of("title", "amount"))),
        compiled.named("tell").orElseThrow().actions());
    assertEquals(
        List.of(json(template)), Documents.of(result.model()).of(DocumentKinds.EMAIL_TEMPLATES));
    assertEquals(List.of(json(hook)), Documents.of(result.model()).of(DocumentKinds.WEBHOOKS));

    ModelCompiler.Result wrong =
        DocumentKinds.compile(
            7,
            documents
                .put(
                    DocumentKinds.EMAIL_TEMPLATES,
                    json(
                        "{'name':'bad','label':'B','object':'opportunity','fallback':'da',"
                            + "'messages':{'en':{'subject':'{nonsense}','body':'x'}}}"))
                .put(
                    DocumentKinds.EMAIL_TEMPLATES,
                    json(
                        "{'name':'accounts','label':'A','object':'account',"
                            + "'messages':{'en':{'subject':'s','body':'b'}}}"))
                .put(
                    DocumentKinds.WEBHOOKS,
                    json("{'name':'nohost','label':'N','url':'http:///nothing'}"))
                .put(
                    DocumentKinds.AUTOMATIONS,
                    json(
                        "{'name':'flag','label':'F','object':'opportunity',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'actions':[{'type':'email','template':'accounts','to':{'owner':true}},"
                            + "{'type':'email','template':'won','to':{'field':'title'}},"
                            + "{'type':'webhook','webhook':'nowhere','fields':['nonsense']}]}")));
    refusedAt(wrong, "/actions/0/template", "automation.unknown-template");
    refusedAt(wrong, "/actions/1/to/field", "automation.not-an-email");
    refusedAt(wrong, "/actions/2/webhook", "automation.unknown-webhook");
    refusedAt(wrong, "/actions/2/fields/0", "automation.unknown-field");
    assertEquals(
        Set.of(
            "/messages/en/subject automation.unknown-field", "/fallback email.no-fallback-message"),
        Set.copyOf(
            wrong.problems().get("email-templates/bad").stream()
                .map(p -> p.pointer() + " " + p.code())
                .toList()));
    assertFalse(
        DocumentKinds.compile(
                7,
                MODEL.put(
                    DocumentKinds.AUTOMATIONS,
                    json(
                        "{'name':'early','label':'E','object':'opportunity',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'webhook','webhook':'erp'}]}")))
            .ok(),
        "a webhook is not called before the save");
    assertTrue(wrong.problems().containsKey("webhooks/nohost"), wrong.problems().toString());
  }

  @Test
  void scoringModelsCompileWithThresholdActionsCheckedAsAnAutomationsAtTheirPlace() {
    String model =
        "{'name':'deal_score','label':'Deal score','object':'opportunity','field':'quantity',"
            + "'fit':[{'label':'Big','condition':'amount > 1000','points':20}],"
            + "'engagement':[{'kind':'call','points':10}],'decay':{'halfLife':'P30D'},"
            + "'thresholds':[{'score':60,'actions':[{'type':'task','subject':'Follow up'}]}]}";
    ModelCompiler.Result result =
        DocumentKinds.compile(7, MODEL.put(DocumentKinds.SCORING_MODELS, json(model)));
    assertTrue(result.ok(), result.problems().toString());
    ScoringModel compiled = result.model().automations().scoring("opportunity").get(0);
    assertEquals("quantity", compiled.field());
    assertEquals(java.util.Map.of("call", 10), compiled.engagement());
    assertEquals(Optional.of(Duration.ofDays(30)), compiled.halfLife());
    assertEquals(60, compiled.thresholds().get(0).score());
    assertEquals(
        List.of(new Action.Task("Follow up", Optional.empty(), "task")),
        compiled.thresholds().get(0).automation().actions());

    ModelCompiler.Result wrong =
        DocumentKinds.compile(
            7,
            MODEL.put(
                DocumentKinds.SCORING_MODELS,
                json(
                    "{'name':'bad','label':'Bad','object':'opportunity','field':'title',"
                        + "'fit':[{'condition':'nonsense','points':1}],"
                        + "'engagement':[{'kind':'fax','points':1}],"
                        + "'thresholds':[{'score':1,'actions':[{'type':'task'},"
                        + "{'type':'set','values':{'nothing':1}}]}]}")));
    List<String> pointers =
        wrong.problems().get("scoring-models/bad").stream().map(Problem::pointer).toList();
    assertTrue(pointers.contains("/field"), pointers.toString());
    assertTrue(pointers.contains("/fit/0/condition"), pointers.toString());
    assertTrue(pointers.contains("/engagement/0/kind"), pointers.toString());
    assertTrue(
        pointers.stream().anyMatch(p -> p.startsWith("/thresholds/0/actions/0")),
        pointers.toString());
  }
}
