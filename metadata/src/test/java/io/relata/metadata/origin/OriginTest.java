package io.relata.metadata.origin;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.Fixtures;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginTest {

  @Test
  void anAdminsChangeToAPluginsDocumentKeepsItsSourceAndMarksItCustomised() {
    JsonNode shipped = Origin.plugin("sales", "1.2.0").stamp(json("{'name':'deal'}"));
    Origin saved = Origin.savedByAdmin(Optional.of(shipped));
    assertEquals(
        new Origin(Origin.Source.PLUGIN, Optional.of("sales"), Optional.of("1.2.0"), true), saved);
    assertEquals(Origin.admin(), Origin.savedByAdmin(Optional.empty()));
    assertEquals(
        Origin.admin(), Origin.savedByAdmin(Optional.of(Origin.admin().stamp(json("{}")))));
    assertEquals(Optional.of(saved), Origin.of(saved.stamp(json("{'name':'deal'}"))));
  }

  @Test
  void documentsWithAnOriginCompileAndABadOriginIsRefusedAtIt() {
    JsonNode deal = Origin.plugin("sales", "1.0.0").stamp(Fixtures.object("deal"));
    ModelCompiler.Result fine =
        DocumentKinds.compile(
            1,
            Documents.of(
                List.of(Fixtures.object("company"), deal),
                new AccessDocuments(
                    List.of(Origin.admin().stamp(json("{'name':'sellers','label':'Sellers'}"))),
                    List.of(),
                    List.of())));
    assertTrue(fine.ok(), fine.problems().toString());

    ((com.fasterxml.jackson.databind.node.ObjectNode) deal.get("origin")).put("source", "nobody");
    ModelCompiler.Result refused =
        ModelCompiler.compile(1, List.of(Fixtures.object("company"), deal));
    assertEquals(
        List.of(Problem.at("/origin/source", "origin.source")), refused.problems().get("deal"));
    assertEquals(
        List.of(Problem.at("/origin", "origin.plugin")),
        Origin.check(json("{'origin':{'source':'plugin','plugin':'sales'}}")));
  }
}
