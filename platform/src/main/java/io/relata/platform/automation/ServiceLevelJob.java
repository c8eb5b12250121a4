package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.BusinessCalendar;
import io.relata.metadata.automation.SlaPolicy;
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
 * Runs a service level's warning or breach when its moment comes ({@link ServiceLevels} scheduled
 * it), in the job's transaction and in the platform's name. The clock is locked and computed again
 * from its start, pauses and the calendar as they are now: the actions run only if that still gives
 * this moment (not stopped, not standing still, not moved by a pause or a new priority) and they
 * have not run for the record before. Each runs once per record.
 */
@ApplicationScoped
public class ServiceLevelJob implements JobHandler {

  private RecordService records;
  private Automating automating;

  /** For CDI's proxy. */
  protected ServiceLevelJob() {}

  @Inject
  public ServiceLevelJob(RecordService records, Automating automating) {
    this.records = records;
    this.automating = automating;
  }

  @Override
  public String kind() {
    return ServiceLevels.KIND;
  }

  @Override
  public void run(JobRun run) throws SQLException {
    JsonNode payload = run.job().payload();
    NestedWrites writes = records.writesOn(run.connection());
    Optional<SlaPolicy> found =
        writes
            .snapshot()
            .automations()
            .policy(payload.path("policy").asText())
            .filter(SlaPolicy::active)
            .filter(p -> writes.snapshot().object(p.object()).isPresent());
    if (found.isEmpty()) {
      return;
    }
    SlaPolicy policy = found.get();
    boolean breach = payload.path("kind").asText().equals("breach");
    Optional<Automation> actions = breach ? Optional.of(policy.breach()) : policy.warning();
    Optional<BusinessCalendar> calendar =
        writes.snapshot().automations().calendar(policy.calendar());
    if (actions.isEmpty() || calendar.isEmpty()) {
      return;
    }
    WriteContext context = ActionTarget.platform(run.now());
    UUID id = UUID.fromString(payload.path("record").asText());
    Optional<Map<String, Object>> record = writes.lock(context, policy.object(), id);
    Optional<ServiceClock> clock = ServiceClock.lock(run.connection(), policy, id);
    if (record.isEmpty()
        || clock.isEmpty()
        || (breach ? clock.get().breached : clock.get().warned).isPresent()) {
      return;
    }
    Object priority = policy.priorityField().map(record.get()::get).orElse(null);
    Optional<Instant> now =
        breach
            ? clock.get().due(calendar.get(), priority)
            : clock.get().warning(calendar.get(), priority);
    if (!now.equals(Optional.of(Instant.parse(payload.path("at").asText())))) {
      return;
    }
    clock.get().mark(run.connection(), breach, run.now().toInstant());
    Actions.run(
        ActionTarget.stored(writes, policy.object(), id, context, automating),
        actions.get(),
        breach ? "breach" : "warning");
    run.afterCommit(() -> records.afterCommit(writes));
  }
}
