package io.relata.platform.approval;

import io.relata.metadata.automation.ApprovalProcess;
import io.relata.metadata.automation.Automations;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.definition.Pipeline;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Before a record of an object with approval processes is saved: a person's write of a record
 * awaiting approval is refused (it is locked); an update that moves it into a stage a process
 * guards, for a record the process's condition holds for, is saved with the record left in its
 * stage, and asks for approval (the request, a reason on the timeline, the first step's approvers
 * told in the app); a move with a step that nobody but the asker could decide is refused. A create
 * straight into such a stage is refused. A record stays locked while it awaits approval, also once
 * its process is switched off. The platform's own writes (an approval's, an automation's) are not
 * held: the admin who made them decided.
 */
@ApplicationScoped
public class ApprovalHook implements RecordHook {

  private static final String STAGE = "stage";

  @Override
  public String name() {
    return "approvals";
  }

  @Override
  public Stage stage() {
    return Stage.BEFORE_SAVE;
  }

  /** After before-save automations (100): a stage they set is asked for too. */
  @Override
  public int order() {
    return 150;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    String object = change.object().name();
    Automations automations = change.snapshot().automations();
    WriteContext context = change.context();
    if (!automations.approves(object)
        || context.actor().id().equals(Actor.PLATFORM_ID)
        || !context.chain().isEmpty()) {
      return;
    }
    Object stage = change.after().get(STAGE);
    if (change.kind() == RecordChange.Kind.CREATE) {
      Optional<ApprovalProcess> process = guarding(automations, object, stage, change);
      if (process.isPresent()) {
        change.refuse(STAGE, "approval.create-in-stage", process.get().label());
      }
      return;
    }
    Optional<ApprovalRequest> pending =
        ApprovalStore.pending(change.connection(), object, change.id());
    if (pending.isPresent()) {
      String label =
          automations
              .approval(pending.get().process())
              .map(ApprovalProcess::label)
              .orElse(pending.get().process());
      change.refuse("", "approval.locked", label);
    }
    Object prior = change.before().map(b -> b.get(STAGE)).orElse(null);
    if (change.kind() != RecordChange.Kind.UPDATE || Objects.equals(prior, stage)) {
      return;
    }
    Optional<ApprovalProcess> process = guarding(automations, object, stage, change);
    if (process.isPresent()) {
      ask(change, process.get(), (String) stage, (String) prior);
    }
  }

  /** The active process that guards {@code stage}, when its condition holds for the record. */
  private static Optional<ApprovalProcess> guarding(
      Automations automations, String object, Object stage, RecordChange change) {
    if (!(stage instanceof String name)) {
      return Optional.empty();
    }
    Map<String, Object> record = change.computed();
    return automations
        .approval(object, name)
        .filter(
            p ->
                p.condition()
                    .map(
                        c ->
                            ConditionEvaluator.selects(
                                c, record, Optional.empty(), change.context().conditions()))
                    .orElse(true));
  }

  private static void ask(RecordChange change, ApprovalProcess process, String stage, String prior)
      throws SQLException {
    WriteContext context = change.context();
    Object owner = change.computed().get("owner_id");
    // the first step's approvers are told; the first step without any is named
    Set<UUID> approvers =
        Approvers.of(change.connection(), process, 1, owner, context.actor().id());
    for (int step = 1; step <= process.steps().size(); step++) {
      Set<UUID> deciding =
          step == 1
              ? approvers
              : Approvers.of(change.connection(), process, step, owner, context.actor().id());
      if (deciding.isEmpty()) {
        // nobody could decide that step: the record would be locked for good
        change.refuse(STAGE, "approval.no-approvers", process.label(), step);
      }
    }
    change.set(STAGE, prior);
    ApprovalRequest request =
        new ApprovalRequest(
            UUID.randomUUID(),
            process.name(),
            change.object().name(),
            change.id(),
            stage,
            Optional.ofNullable(prior),
            1,
            "pending",
            context.actor().id(),
            context.actor().username(),
            context.now(),
            Optional.empty(),
            java.util.List.of());
    ApprovalStore.insert(change.connection(), request);
    ApprovalTrail.append(
        change.connection(),
        context.actor(),
        context.now(),
        new ApprovalTrail.Turn(
            "asked", request, process.label(), 1, process.steps().size(), Optional.empty()));
    String stageLabel = stageLabel(change, stage);
    change.because(
        JsonCodec.object()
            .put("automation", process.name())
            .put("automationLabel", process.label())
            .put("label", stageLabel)
            .put("approval", request.id().toString()));
    Told.send(
        change.connection(),
        approvers,
        context.now(),
        process.label(),
        change.object().name(),
        change.id(),
        "approval.told.asked",
        name(change),
        stageLabel);
  }

  static String stageLabel(RecordChange change, String stage) {
    return change
        .object()
        .definition()
        .pipeline()
        .flatMap(p -> p.stage(stage))
        .map(Pipeline.Stage::label)
        .orElse(stage);
  }

  private static String name(RecordChange change) {
    Object name = change.computed().get(change.object().definition().nameField());
    return name == null ? change.id().toString() : name.toString();
  }
}
