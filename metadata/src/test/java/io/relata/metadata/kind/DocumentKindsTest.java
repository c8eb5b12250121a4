package io.relata.metadata.kind;

import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.model.ModelCompiler;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry compiles a model kind by kind, each kind's step on what the steps before made. */
class DocumentKindsTest {

  private static final Documents SALES =
      Documents.of(
          List.of(object("account")),
          new AccessDocuments(
              List.of(json("{'name':'sales','label':'Sales'}")),
              List.of(
                  json("{'name':'reader','label':'Reader','objects':{'account':{'read':true}}}")),
              List.of()));

  @Test
  void everyKindCompilesInRegistryOrder() {
    ModelCompiler.Result result = DocumentKinds.compile(3, SALES);
    assertTrue(result.ok(), result.problems().toString());
    assertEquals(3, result.model().revision());
    assertTrue(result.model().object("account").isPresent());
    assertTrue(result.model().access().role("sales").isPresent());
  }

  @Test
  void aKindThatRefersToAMissingObjectIsRefusedAtItsOwnKey() {
    Documents broken =
        SALES.put(
            DocumentKinds.PERMISSION_SETS,
            json("{'name':'ghost','label':'Ghost','objects':{'nothing':{'read':true}}}"));
    ModelCompiler.Result result = DocumentKinds.compile(3, broken);
    assertFalse(result.ok());
    assertEquals(Set.of("permission-sets/ghost"), result.problems().keySet());
  }

  @Test
  void compilingAfterTheObjectsLeavesThemAsTheyWereCompiled() {
    ModelCompiler.Result objects = DocumentKinds.OBJECTS.step().apply(3, null, SALES);
    // the objects are not read again: a document list without them still compiles the rest
    Documents withoutObjects = SALES.with(DocumentKinds.OBJECTS, List.of());
    ModelCompiler.Result rest =
        DocumentKinds.compileAfter(DocumentKinds.OBJECTS, 3, objects, withoutObjects);
    assertTrue(rest.ok(), rest.problems().toString());
    assertTrue(rest.model().object("account").isPresent());
    assertTrue(rest.model().access().role("sales").isPresent());
  }
}
