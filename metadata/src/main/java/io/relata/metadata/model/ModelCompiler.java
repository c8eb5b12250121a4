package io.relata.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessCompiler;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.access.AccessModel;
import io.relata.metadata.automation.AutomationCompiler;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.presentation.PresentationCompiler;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.metadata.validation.ModelRules;
import io.relata.metadata.validation.ObjectRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole model's documents — meta-schema, object rules, model rules, in that order — and
 * compiles them when every rule holds. Problems are keyed by the object they belong to; a document
 * whose structure is wrong is not read further, so its problems are structural only.
 */
public final class ModelCompiler {

  private ModelCompiler() {}

  /**
   * The outcome: a model, or the problems that stop it.
   *
   * @param submitted the definitions as submitted, rename markers included: diff these against the
   *     current model to find the change
   */
  public record Result(
      CompiledModel model, List<ObjectDefinition> submitted, Map<String, List<Problem>> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }

    /**
     * This result with {@code access} compiled against its objects, which are not checked again: a
     * change compiles its objects first, works out from them what the access documents become, and
     * then adds those. A result with problems stays as it is.
     */
    public Result withAccess(AccessDocuments access) {
      if (!ok()) {
        return this;
      }
      AccessCompiler.Result rights = AccessCompiler.compile(access, model.objects());
      if (!rights.ok()) {
        return new Result(null, List.of(), rights.problems());
      }
      return new Result(model.withAccess(rights.model()), submitted, Map.of());
    }

    /**
     * This result with apps and dashboards compiled against its objects and roles. A result with
     * problems stays as it is.
     */
    public Result withPresentation(List<JsonNode> apps, List<JsonNode> dashboards) {
      if (!ok()) {
        return this;
      }
      PresentationCompiler.Result compiled =
          PresentationCompiler.compile(apps, dashboards, model.objects(), model.access());
      if (!compiled.ok()) {
        return new Result(null, List.of(), compiled.problems());
      }
      return new Result(model.withPresentation(compiled.presentation()), submitted, Map.of());
    }

    /**
     * This result with automations and the kinds that compile with them (assignment rules, scoring
     * models, calendars, service-level policies) compiled against its objects. A result with
     * problems stays as it is.
     */
    public Result withAutomations(List<JsonNode> automations, AutomationCompiler.Others others) {
      if (!ok()) {
        return this;
      }
      AutomationCompiler.Result compiled =
          AutomationCompiler.compile(automations, others, model.objects());
      if (!compiled.ok()) {
        return new Result(null, List.of(), compiled.problems());
      }
      return new Result(model.withAutomations(compiled.automations()), submitted, Map.of());
    }
  }

  /**
   * Compiles {@code documents} (object documents, in order) as revision {@code revision}, with the
   * authorization model of no documents; {@link Result#withAccess} adds the documents that refer to
   * the objects ({@code DocumentKinds.compile} runs both for a whole model). Keys of the problem
   * map are object names (a document without a usable name is keyed by its position, {@code #3}).
   */
  public static Result compile(long revision, List<JsonNode> documents) {
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    List<ObjectDefinition> objects = new ArrayList<>();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      String key = doc.path("name").isTextual() ? doc.get("name").asText() : "#" + i;
      List<Problem> structural = new ArrayList<>(MetaSchema.OBJECT.check(Origin.content(doc)));
      structural.addAll(Origin.check(doc));
      if (byName.containsKey(key)) {
        add(problems, key, List.of(Problem.at("/name", "object.duplicate-name", key)));
        continue;
      }
      if (!structural.isEmpty()) {
        add(problems, key, structural);
        continue;
      }
      ObjectDefinition object = DefinitionReader.object(doc);
      add(problems, key, ObjectRules.check(object));
      objects.add(object);
      byName.put(key, withoutChangeMarkers(doc));
    }
    if (problems.isEmpty()) {
      ModelRules.check(objects).forEach((object, found) -> add(problems, object, found));
    }
    if (!problems.isEmpty()) {
      return new Result(null, List.of(), Map.copyOf(problems));
    }
    List<ObjectDefinition> stored = byName.values().stream().map(DefinitionReader::object).toList();
    return new Result(
            new CompiledModel(revision, stored, byName, AccessModel.EMPTY),
            List.copyOf(objects),
            Map.of())
        .withAccess(AccessDocuments.EMPTY);
  }

  /**
   * Stored documents describe a state, not a change: {@code renamedFrom} and {@code restoredFrom}
   * served their purpose.
   */
  private static JsonNode withoutChangeMarkers(JsonNode doc) {
    ObjectNode copy = doc.deepCopy();
    copy.remove("restoredFrom");
    copy.path("fields")
        .forEach(field -> ((ObjectNode) field).remove(List.of("renamedFrom", "restoredFrom")));
    return copy;
  }

  private static void add(Map<String, List<Problem>> problems, String key, List<Problem> found) {
    if (!found.isEmpty()) {
      problems.computeIfAbsent(key, k -> new ArrayList<>()).addAll(found);
    }
  }
}
