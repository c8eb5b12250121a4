package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobRun;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a date automation when its moment comes ({@link DateTriggers} scheduled it), in the job's
 * transaction and in the platform's name: the record is locked and read as it is now, and the
 * actions run only if the automation is still active, the record still live, its date still the one
 * the job was scheduled for, and the condition holds now. Otherwise the job is done with nothing to
 * do.
 */
@ApplicationScoped
public class DateAutomationJob implements JobHandler {

  private RecordService records;
  private Automating automating;

  /** For CDI's proxy. */
  protected DateAutomationJob() {}

  @Inject
  public DateAutomationJob(RecordService records, Automating automating) {
    this.records = records;
    this.automating = automating;
  }

  @Override
  public String kind() {
    return DateTriggers.KIND;
  }

  @Override
  public void run(JobRun run) throws SQLException {
    JsonNode payload = run.job().payload();
    NestedWrites writes = records.writesOn(run.connection());
    Optional<Automation> found =
        writes
            .snapshot()
            .automations()
            .named(payload.path("automation").asText())
            .filter(a -> a.active() && a.trigger() instanceof Trigger.OnDate)
            .filter(a -> a.object().equals(payload.path("object").asText()));
    if (found.isEmpty() || writes.snapshot().object(found.get().object()).isEmpty()) {
      return;
    }
    Automation automation = found.get();
    WriteContext context = ActionTarget.platform(run.now());
    UUID id = UUID.fromString(payload.path("record").asText());
    Optional<Map<String, Object>> record = writes.lock(context, automation.object(), id);
    if (record.isEmpty()) {
      return;
    }
    Instant due = Instant.parse(payload.path("due").asText());
    boolean moved =
        DateTriggers.due((Trigger.OnDate) automation.trigger(), record.get())
            .map(at -> !at.toInstant().equals(due))
            .orElse(true);
    boolean holds =
        automation
            .condition()
            .map(
                c ->
                    ConditionEvaluator.selects(
                        c, record.get(), Optional.empty(), context.conditions()))
            .orElse(true);
    if (moved || !holds) {
      return;
    }
    Actions.run(
        ActionTarget.stored(writes, automation.object(), id, context, automating),
        automation,
        "date");
    run.afterCommit(() -> records.afterCommit(writes));
  }
}
