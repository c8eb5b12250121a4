package io.relata.platform.automation;

import io.relata.metadata.automation.BusinessCalendar;
import io.relata.metadata.automation.SlaPolicy;
import io.relata.platform.job.Batches;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * After a service-level policy or its calendar changed ({@link Replanning} queued this), computes
 * the clocks still running under the policy again, as {@link ServiceLevels} does after a write:
 * their warnings and breaches are scheduled at the moments the new calendar and targets give, and
 * their due fields follow. The jobs at the old moments find the clock moved when they come and do
 * nothing. A batch of {@value #BATCH} clocks per job, by record id; a full batch queues the next.
 */
@ApplicationScoped
public class ServiceLevelReplan implements JobHandler {

  /** The job kind. */
  static final String KIND = "service-level-replan";

  /**
   * The most clocks one job computes again: each locks its record, and a due field that moved is a
   * write through the whole pipeline, so a batch is kept short for the writes that wait on it.
   */
  static final int BATCH = 50;

  private RecordService records;
  private JobQueue jobs;

  /** For CDI's proxy. */
  protected ServiceLevelReplan() {}

  @Inject
  public ServiceLevelReplan(RecordService records, JobQueue jobs) {
    this.records = records;
    this.jobs = jobs;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The job that computes the clocks of {@code policy} again, from the first. */
  static NewJob of(String policy, long revision) {
    return NewJob.of(KIND, JsonCodec.object().put("policy", policy).put("revision", revision))
        .key(KIND + "/" + policy + "/" + revision);
  }

  @Override
  public void run(JobRun run) throws SQLException {
    NestedWrites writes = records.writesOn(run.connection());
    run.requireRevision(writes.snapshot().revision());
    String name = run.job().payload().path("policy").asText();
    Optional<SlaPolicy> found =
        writes
            .snapshot()
            .automations()
            .policy(name)
            .filter(SlaPolicy::active)
            .filter(p -> writes.snapshot().object(p.object()).isPresent());
    if (found.isEmpty()) {
      return;
    }
    SlaPolicy policy = found.get();
    Optional<BusinessCalendar> calendar =
        writes.snapshot().automations().calendar(policy.calendar());
    if (calendar.isEmpty()) {
      return;
    }
    Optional<UUID> after = Batches.after(run);
    WriteContext context = ActionTarget.platform(run.now());
    List<UUID> batch = running(run.connection(), name, after);
    for (UUID id : batch) {
      Optional<Map<String, Object>> record = writes.lock(context, policy.object(), id);
      Optional<ServiceClock> clock = ServiceClock.lock(run.connection(), policy, id);
      if (record.isPresent() && clock.isPresent()) {
        ServiceLevels.plan(
            jobs, policy, calendar.get(), clock.get(), record.get(), writes, context);
      }
    }
    if (batch.size() == BATCH) {
      jobs.enqueue(run.connection(), Batches.next(run, batch.get(batch.size() - 1)));
    }
    run.afterCommit(() -> records.afterCommit(writes));
  }

  /** The records whose clocks under {@code policy} run on, and have a moment still to come. */
  private static List<UUID> running(Connection connection, String policy, Optional<UUID> after)
      throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT record_id FROM relata.sla_clock WHERE policy = ? AND stopped_at IS NULL"
                + " AND (breached_at IS NULL OR warned_at IS NULL)"
                + (after.isPresent() ? " AND record_id > ?" : "")
                + " ORDER BY record_id LIMIT "
                + BATCH)) {
      select.setString(1, policy);
      if (after.isPresent()) {
        select.setObject(2, after.get());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }
}
