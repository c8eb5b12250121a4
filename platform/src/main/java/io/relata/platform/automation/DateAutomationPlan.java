package io.relata.platform.automation;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.job.Batches;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.CompiledObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * After a date automation was made, had its trigger changed or was switched on ({@link Replanning}
 * queued this), schedules its moments still to come for the records stored before: what {@link
 * DateTriggers} would have scheduled had the automation been there when they were written. Moments
 * already past are not run: an automation made today does not act on last year's dates. A batch of
 * {@value #BATCH} records per job, by id; a full batch queues the next.
 */
@ApplicationScoped
public class DateAutomationPlan implements JobHandler {

  /** The job kind. */
  static final String KIND = "date-automation-plan";

  /** The most records one job reads. */
  static final int BATCH = 1_000;

  private CompiledObjects objects;
  private JobQueue jobs;

  /** For CDI's proxy. */
  protected DateAutomationPlan() {}

  @Inject
  public DateAutomationPlan(CompiledObjects objects, JobQueue jobs) {
    this.objects = objects;
    this.jobs = jobs;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The job that schedules {@code automation} for the records stored so far, from the first. */
  static NewJob of(String automation, long revision) {
    return NewJob.of(
            KIND, JsonCodec.object().put("automation", automation).put("revision", revision))
        .key(KIND + "/" + automation + "/" + revision);
  }

  @Override
  public void run(JobRun run) throws SQLException {
    CompiledObjects.Snapshot snapshot = objects.current();
    run.requireRevision(snapshot.revision());
    String name = run.job().payload().path("automation").asText();
    Optional<Automation> found =
        snapshot
            .automations()
            .named(name)
            .filter(a -> a.active() && a.trigger() instanceof Trigger.OnDate);
    Optional<CompiledObject> object = found.flatMap(a -> snapshot.object(a.object()));
    if (object.isEmpty()) {
      return;
    }
    Automation automation = found.get();
    Trigger.OnDate trigger = (Trigger.OnDate) automation.trigger();
    Optional<UUID> after = Batches.after(run);
    String field = quote(trigger.field());
    int read = 0;
    UUID last = null;
    try (PreparedStatement select =
        run.connection()
            .prepareStatement(
                "SELECT id, "
                    + field
                    + " FROM "
                    + object.get().table()
                    + " WHERE \"deleted_at\" IS NULL AND "
                    + field
                    + " IS NOT NULL"
                    + (after.isPresent() ? " AND id > ?" : "")
                    + " ORDER BY id LIMIT "
                    + BATCH)) {
      if (after.isPresent()) {
        select.setObject(1, after.get());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          read++;
          last = rows.getObject(1, UUID.class);
          Object value =
              rows.getObject(2) instanceof java.sql.Date day
                  ? day.toLocalDate()
                  : rows.getObject(2, OffsetDateTime.class);
          Optional<OffsetDateTime> due = DateTriggers.due(trigger, Map.of(trigger.field(), value));
          if (due.isPresent() && due.get().isAfter(run.now())) {
            DateTriggers.schedule(jobs, run.connection(), automation, last, due.get());
          }
        }
      }
    }
    if (read == BATCH) {
      jobs.enqueue(run.connection(), Batches.next(run, last));
    }
  }
}
