package io.relata.platform.automation;

import io.relata.metadata.automation.BusinessCalendar;
import io.relata.metadata.automation.SlaPolicy;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the service-level clocks of the records a write stores ({@code sla-policies}): starts one
 * when a record is created (or first written under a new policy), stops it for good once the stop
 * condition holds, records each period the pause condition holds, and schedules the warning and the
 * breach at the moments the clock now gives ({@link ServiceLevelJob} runs them, each once). The due
 * field, when the policy names one, is kept at the moment the target passes (empty while the clock
 * stands still). The write of the due field is not measured again.
 */
@ApplicationScoped
public class ServiceLevels implements RecordHook {

  /** The job kind whose handler runs a warning or a breach. */
  static final String KIND = "service-level";

  private JobQueue jobs;

  /** For CDI's proxy. */
  protected ServiceLevels() {}

  @Inject
  public ServiceLevels(JobQueue jobs) {
    this.jobs = jobs;
  }

  @Override
  public String name() {
    return "service-levels";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  @Override
  public int order() {
    return 600;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (change.kind() != RecordChange.Kind.CREATE
        && change.kind() != RecordChange.Kind.UPDATE
        && change.kind() != RecordChange.Kind.RESTORE) {
      return;
    }
    String object = change.object().name();
    for (SlaPolicy policy : change.snapshot().automations().policies(object)) {
      if (!ownWrite(change, policy)) {
        measure(change, policy);
      }
    }
  }

  private void measure(RecordChange change, SlaPolicy policy) throws SQLException {
    BusinessCalendar calendar =
        change.snapshot().automations().calendar(policy.calendar()).orElseThrow();
    Connection connection = change.connection();
    String object = change.object().name();
    UUID id = change.id();
    Instant now = change.context().now().toInstant();
    ServiceClock.start(connection, policy, object, id, now);
    ServiceClock clock = ServiceClock.lock(connection, policy, id).orElseThrow();
    Map<String, Object> record = change.computed();
    if (clock.stopped.isEmpty()) {
      boolean stop = holds(policy.stopWhen(), change);
      boolean pause = policy.pauseWhen().map(c -> holds(c, change)).orElse(false);
      clock.update(connection, stop, pause, now);
      clock = ServiceClock.lock(connection, policy, id).orElseThrow();
    }
    plan(jobs, policy, calendar, clock, record, change.writes(), change.context());
  }

  /**
   * Schedules the warning and the breach at the moments {@code clock} gives now (a job's key makes
   * each moment one job), and keeps the policy's due field on {@code record} at its due moment:
   * after a write of the record, and after a change of the policy or its calendar ({@link
   * ServiceLevelReplan}).
   */
  static void plan(
      JobQueue jobs,
      SlaPolicy policy,
      BusinessCalendar calendar,
      ServiceClock clock,
      Map<String, Object> record,
      NestedWrites writes,
      WriteContext context)
      throws SQLException {
    Connection connection = writes.connection();
    String object = policy.object();
    UUID id = clock.record;
    Object priority = policy.priorityField().map(record::get).orElse(null);
    Optional<Instant> due = clock.due(calendar, priority);
    if (clock.breached.isEmpty() && due.isPresent()) {
      schedule(jobs, connection, policy, object, id, "breach", due.get());
    }
    Optional<Instant> warning = clock.warning(calendar, priority);
    if (clock.warned.isEmpty() && warning.isPresent()) {
      schedule(jobs, connection, policy, object, id, "warning", warning.get());
    }
    if (policy.dueField().isPresent()) {
      String field = policy.dueField().get();
      Optional<OffsetDateTime> kept = due.map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      Object stored = record.get(field);
      boolean same =
          stored instanceof OffsetDateTime time
              ? kept.map(k -> k.toInstant().equals(time.toInstant())).orElse(false)
              : stored == null && kept.isEmpty();
      if (!same) {
        writes.update(
            context.causedBy(new WriteContext.Cause(policy.name(), object, id)),
            object,
            id,
            JsonCodec.object().set(field, JsonCodec.value(kept.orElse(null))),
            List.of(JsonCodec.object().put("automation", policy.name())));
      }
    }
  }

  private static boolean holds(io.relata.metadata.condition.Typed condition, RecordChange change) {
    return ConditionEvaluator.selects(
        condition, change.computed(), Optional.empty(), change.context().conditions());
  }

  private static void schedule(
      JobQueue jobs,
      Connection connection,
      SlaPolicy policy,
      String object,
      UUID id,
      String kind,
      Instant at)
      throws SQLException {
    jobs.enqueue(
        connection,
        NewJob.of(
                KIND,
                JsonCodec.object()
                    .put("policy", policy.name())
                    .put("object", object)
                    .put("record", id.toString())
                    .put("kind", kind)
                    .put("at", at.toString()))
            .at(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .key(KIND + "/" + policy.name() + "/" + id + "/" + kind + "/" + at));
  }

  /** Whether the write is the due field this policy just kept on this very record. */
  private static boolean ownWrite(RecordChange change, SlaPolicy policy) {
    List<WriteContext.Cause> chain = change.context().chain();
    if (chain.isEmpty()) {
      return false;
    }
    WriteContext.Cause last = chain.get(chain.size() - 1);
    return last.automation().equals(policy.name()) && Objects.equals(last.record(), change.id());
  }
}
