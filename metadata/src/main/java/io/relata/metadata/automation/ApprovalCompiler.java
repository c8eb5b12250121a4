package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks approval processes and compiles them, as part of the {@link AutomationCompiler}'s run.
 * Problems are keyed {@code approval-processes/<name>}: an unknown object, a stage its pipeline
 * lacks, a condition that does not type, two active processes for one stage.
 */
final class ApprovalCompiler {

  private static final String KIND = "approval-processes";

  private final AutomationCompiler compiler;

  ApprovalCompiler(AutomationCompiler compiler) {
    this.compiler = compiler;
  }

  List<ApprovalProcess> processes(List<JsonNode> documents) {
    List<ApprovalProcess> processes =
        compiler.each(
            KIND, documents, MetaSchema.APPROVAL_PROCESS, "approval.duplicate-name", this::process);
    Map<String, String> taken = new HashMap<>();
    for (ApprovalProcess process : processes) {
      String stage = process.object() + "/" + process.stage();
      String other = process.active() ? taken.putIfAbsent(stage, process.name()) : null;
      if (other != null) {
        compiler.add(
            KIND + "/" + process.name(), Problem.at("/stage", "approval.stage-taken", other));
      }
    }
    return processes;
  }

  private Optional<ApprovalProcess> process(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    Optional<ObjectDefinition> object = compiler.object(objectName);
    if (object.isEmpty()) {
      compiler.add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    int before = compiler.count(key);
    String stage = doc.get("stage").asText();
    if (object.get().pipeline().flatMap(p -> p.stage(stage)).isEmpty()) {
      compiler.add(key, Problem.at("/stage", "automation.unknown-stage", stage));
    }
    Optional<String> source = Optional.ofNullable(doc.get("condition")).map(JsonNode::asText);
    Optional<Typed> condition = Optional.empty();
    if (source.isPresent()) {
      try {
        condition =
            Optional.of(
                ConditionChecker.condition(
                        ConditionParser.parse(source.get()), object.get(), Scope.RECORD)
                    .typed());
      } catch (ConditionException e) {
        compiler.add(key, e.problem("/condition"));
      }
    }
    List<ApprovalProcess.Step> steps = new ArrayList<>();
    for (JsonNode step : doc.get("steps")) {
      JsonNode approver = step.get("approver");
      String kind = approver.fieldNames().next();
      Optional<String> name =
          kind.equals("manager")
              ? Optional.empty()
              : Optional.of(
                  kind.equals("user")
                      ? approver.get(kind).asText().toLowerCase(Locale.ROOT)
                      : approver.get(kind).asText());
      steps.add(
          new ApprovalProcess.Step(
              Optional.ofNullable(step.get("label")).map(JsonNode::asText), kind, name));
    }
    if (compiler.count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ApprovalProcess(
            doc.get("name").asText(),
            doc.get("label").asText(),
            objectName,
            doc.path("active").asBoolean(true),
            stage,
            source,
            condition,
            doc.path("selfApproval").asBoolean(false),
            steps));
  }
}
