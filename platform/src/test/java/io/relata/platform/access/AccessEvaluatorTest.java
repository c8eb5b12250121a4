package io.relata.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessEvaluatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final UUID me = UUID.randomUUID();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private CompiledModel model() throws Exception {
    AccessDocuments access =
        new AccessDocuments(
            List.of(
                json("{'name':'vp','label':'VP'}"),
                json("{'name':'rep','label':'Rep','parent':'vp'}")),
            List.of(
                json(
                    "{'name':'seller','label':'Seller','objects':{'pact':{'read':true,'edit':true,"
                        + "'fields':{'margin':'hidden'}}}}")),
            List.of(
                json(
                    "{'name':'big','label':'Big','object':'pact','criteria':'amount > 1000',"
                        + "'sharedWith':{'role':'rep'},'access':'read'}")));
    ModelCompiler.Result result =
        DocumentKinds.compile(
            1,
            Documents.of(
                List.of(
                    json(
                        "{'name':'pact','label':'Pact','nameField':'title','recordAccess':'private',"
                            + "'fields':[{'name':'title','label':'Title','type':'text'},"
                            + "{'name':'amount','label':'Amount','type':'number','scale':2},"
                            + "{'name':'margin','label':'Margin','type':'number'}]}")),
                access));
    assertTrue(result.ok(), result.problems().toString());
    return result.model();
  }

  private ObjectAccess access(CompiledModel model, Optional<String> role, Set<String> sets) {
    return new AccessEvaluator(
            new Subject(me, role, Set.of(), sets),
            model.access(),
            ModelObjects.of(model),
            new ConditionContext(
                LocalDate.EPOCH.atStartOfDay().atOffset(ZoneOffset.UTC),
                ZoneOffset.UTC,
                Optional.of(me)))
        .on(model.object("pact").orElseThrow());
  }

  @Test
  void aHiddenStageIsNoFieldToFilterOnEvenThoughEveryPipelineHasOne() throws Exception {
    ModelCompiler.Result result =
        DocumentKinds.compile(
            1,
            Documents.of(
                List.of(
                    json(
                        "{'name':'pact','label':'Pact','nameField':'title',"
                            + "'fields':[{'name':'title','label':'Title','type':'text'},"
                            + "{'name':'stage','label':'Stage','type':'stage'}],"
                            + "'pipeline':{'stages':[{'name':'open','label':'Open','probability':10,"
                            + "'category':'open'},{'name':'won','label':'Won','probability':100,"
                            + "'category':'won'}]}}")),
                new AccessDocuments(
                    List.of(),
                    List.of(
                        json(
                            "{'name':'blind','label':'Blind','objects':{'pact':{'read':true,"
                                + "'fields':{'stage':'hidden'}}}}")),
                    List.of())));
    assertTrue(result.ok(), result.problems().toString());
    ObjectAccess blind = access(result.model(), Optional.empty(), Set.of("blind"));

    ConditionException filtered =
        assertThrows(
            ConditionException.class,
            () ->
                ConditionChecker.condition(
                    ConditionParser.parse("stage = \"won\""),
                    blind.visibleDefinition(),
                    Scope.QUERY));

    assertTrue(!blind.visible("stage"));
    assertEquals("condition.unknown-field", filtered.code());
  }

  @Test
  void aRollUpOverItsOwnObjectIsDecidedWithoutEndlessRecursion() throws Exception {
    ModelCompiler.Result result =
        DocumentKinds.compile(
            1,
            Documents.of(
                List.of(
                    json(
                        "{'name':'pact','label':'Pact','nameField':'title','fields':["
                            + "{'name':'title','label':'Title','type':'text'},"
                            + "{'name':'margin','label':'Margin','type':'number','scale':2},"
                            + "{'name':'parent','label':'Parent','type':'lookup','target':'pact'},"
                            + "{'name':'child_margin','label':'Child margin','type':'roll-up',"
                            + "'object':'pact','relation':'parent','function':'sum','field':'margin'}]}")),
                new AccessDocuments(
                    List.of(),
                    List.of(
                        json(
                            "{'name':'narrow','label':'Narrow','objects':{'pact':{'read':true,"
                                + "'fields':{'margin':'hidden'}}}}")),
                    List.of())));
    assertTrue(result.ok(), result.problems().toString());

    ObjectAccess narrow = access(result.model(), Optional.empty(), Set.of("narrow"));

    assertTrue(!narrow.visible("child_margin"), "a sum of hidden margins is hidden too");
    assertTrue(narrow.visible("title"));
  }

  @Test
  void aRepReadsOwnRecordsRuleSharedOnesAndSharesButEditsNoRuleShared() throws Exception {
    CompiledModel model = model();
    ObjectAccess rep = access(model, Optional.of("rep"), Set.of("seller"));

    assertEquals(
        List.of("access.owner", "access.sharing-rule", "access.share"),
        rep.read().grants().stream().map(Grant::reason).toList());
    assertEquals(
        List.of("access.owner", "access.share"),
        rep.edit().grants().stream().map(Grant::reason).toList());
    assertEquals("((\"amount\" > ?::numeric))", rep.read().grants().get(1).condition().text());
    assertTrue(!rep.visible("margin") && rep.visible("amount") && rep.visible("owner_id"));
  }

  @Test
  void aManagerReachesTheRecordsOwnedInTheRolesBelow() throws Exception {
    ObjectAccess vp = access(model(), Optional.of("vp"), Set.of("seller"));

    assertEquals(
        List.of("access.owner", "access.role-hierarchy", "access.share"),
        vp.read().grants().stream().map(Grant::reason).toList());
    assertEquals(List.of(me, List.of("rep")), vp.read().condition().binds().subList(0, 2));
  }

  @Test
  void withoutAPermissionSetNothingIsReachedAndTheAdministratorReachesEverything()
      throws Exception {
    CompiledModel model = model();
    ObjectAccess nobody = access(model, Optional.of("rep"), Set.of());
    ObjectAccess admin = access(model, Optional.empty(), Set.of("administrator"));

    assertEquals("FALSE", nobody.read().condition().text());
    assertTrue(!nobody.visible("title"));
    assertTrue(admin.read().isAll() && admin.edit().isAll() && admin.visible("margin"));
  }
}
