package io.relata.platform.automation;

import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Schedules the automations that wait for a date of a record ({@code trigger.type: date}): each
 * write that stores a record enqueues, in its transaction, a job due at the record's date plus the
 * offset ({@link DateAutomationJob} runs it). The job's key names the automation, the record and
 * the moment, so writing the record again schedules nothing twice, and a job that has run is not
 * run again for the same moment. A date that moves leaves the old job behind: it finds the record's
 * date moved when it comes, and does nothing. A date field's day starts at midnight UTC.
 *
 * <p>Records stored before a date automation was made (or its trigger changed, or it was switched
 * on) get their moments still to come from {@link DateAutomationPlan}.
 *
 * <p>A moment further back than finished jobs are kept ({@code relata.jobs.keep-days}) is not
 * scheduled: its job may have run and been purged since, and a write of the record would run it a
 * second time. A record given a date that far back misses the automation.
 */
@ApplicationScoped
public class DateTriggers implements RecordHook {

  /** The job kind whose handler runs a date automation. */
  static final String KIND = "date-automation";

  private JobQueue jobs;
  private int keepDays;

  /** For CDI's proxy. */
  protected DateTriggers() {}

  @Inject
  public DateTriggers(
      JobQueue jobs,
      @ConfigProperty(name = "relata.jobs.keep-days", defaultValue = "14") int keepDays) {
    this.jobs = jobs;
    this.keepDays = keepDays;
  }

  /** Date triggers on {@code jobs}, with finished jobs kept the default 14 days. */
  public DateTriggers(JobQueue jobs) {
    this(jobs, 14);
  }

  @Override
  public String name() {
    return "automations-dates";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  @Override
  public int order() {
    return 900;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (change.kind() != RecordChange.Kind.CREATE
        && change.kind() != RecordChange.Kind.UPDATE
        && change.kind() != RecordChange.Kind.RESTORE) {
      return;
    }
    for (Automation automation :
        change.snapshot().automations().active(change.object().name(), Trigger.OnDate.class)) {
      Trigger.OnDate trigger = (Trigger.OnDate) automation.trigger();
      Optional<OffsetDateTime> due = due(trigger, change.after());
      if (due.isEmpty() || due.get().isBefore(change.context().now().minusDays(keepDays))) {
        continue;
      }
      schedule(jobs, change.connection(), automation, change.id(), due.get());
    }
  }

  /** Queues {@code automation}'s job for record {@code id} at {@code due}; once per moment. */
  static void schedule(
      JobQueue jobs, Connection connection, Automation automation, UUID id, OffsetDateTime due)
      throws SQLException {
    String at = due.toInstant().toString();
    jobs.enqueue(
        connection,
        NewJob.of(
                KIND,
                JsonCodec.object()
                    .put("automation", automation.name())
                    .put("object", automation.object())
                    .put("record", id.toString())
                    .put("due", at))
            .at(due)
            .key(KIND + "/" + automation.name() + "/" + id + "/" + at));
  }

  /** When {@code trigger} comes for {@code record}: its date plus the offset; empty without one. */
  static Optional<OffsetDateTime> due(Trigger.OnDate trigger, Map<String, Object> record) {
    Object value = record.get(trigger.field());
    OffsetDateTime at;
    if (value instanceof OffsetDateTime time) {
      at = time;
    } else if (value instanceof LocalDate day) {
      at = day.atStartOfDay().atOffset(ZoneOffset.UTC);
    } else {
      return Optional.empty();
    }
    return Optional.of(at.plus(trigger.offset()).withOffsetSameInstant(ZoneOffset.UTC));
  }
}
