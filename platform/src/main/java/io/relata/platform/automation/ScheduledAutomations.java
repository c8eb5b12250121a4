package io.relata.platform.automation;

import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.ScoringModel;
import io.relata.metadata.automation.Trigger;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.job.Batches;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.query.ConditionSql;
import io.relata.platform.query.Sql;
import io.relata.platform.record.ColumnValues;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Automations on a schedule ({@code trigger.type: schedule}), and the nightly rescore of scoring
 * models whose points decay. Each next moment is a job keyed by what it runs and when: {@link
 * #plan} (every minute, on every node) makes the next one of each, and a run makes the one after
 * it; the key makes one job of both. A run selects the records the condition holds for then, a
 * batch of at most {@value #BATCH} by id, and runs the actions for each, in the platform's name, in
 * the job's transaction: the batch's all happen or, retried, none. A full batch queues the next
 * batch of the same moment (the records after its last id, selected when it runs) as a job of its
 * own, so a schedule over a million records is many short transactions, not one long one. A moment
 * the schedule no longer has (it was changed) runs nothing.
 */
@ApplicationScoped
public class ScheduledAutomations implements JobHandler {

  /** The job kind of a scheduled automation's run, and of a nightly rescore. */
  static final String KIND = "schedule-automation";

  /** The most records one job acts on: a batch of a run. */
  static final int BATCH = 1_000;

  /** When decaying scores are computed again: every night at 02:00 UTC. */
  private static final Trigger.OnSchedule NIGHTLY =
      new Trigger.OnSchedule(
          LocalTime.of(2, 0), ZoneOffset.UTC, EnumSet.allOf(java.time.DayOfWeek.class));

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  private RecordService records;
  private CompiledObjects objects;
  private JobQueue jobs;
  private Automating automating;
  private int batch = BATCH;

  /** For CDI's proxy. */
  protected ScheduledAutomations() {}

  @Inject
  public ScheduledAutomations(
      RecordService records, CompiledObjects objects, JobQueue jobs, Automating automating) {
    this.records = records;
    this.objects = objects;
    this.jobs = jobs;
    this.automating = automating;
  }

  /** For tests without a container: batches of {@code batch} records. */
  public ScheduledAutomations(
      DataSource dataSource,
      RecordService records,
      CompiledObjects objects,
      JobQueue jobs,
      Automating automating,
      int batch) {
    this(records, objects, jobs, automating);
    this.dataSource = dataSource;
    this.batch = batch;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Makes sure the next moment after {@code now} of each active scheduled automation, and the next
   * nightly rescore of each decaying scoring model, is a job; answers how many jobs were new.
   */
  public int plan(Instant now) throws SQLException {
    var automations = objects.current().automations();
    return Transactions.run(
        dataSource,
        connection -> {
          int made = 0;
          for (Automation automation : automations.all()) {
            if (automation.active() && automation.trigger() instanceof Trigger.OnSchedule on) {
              made += queue(connection, "automation", automation.name(), on.next(now)) ? 1 : 0;
            }
          }
          for (ScoringModel model : automations.scoring()) {
            if (model.active() && model.halfLife().isPresent()) {
              made += queue(connection, "rescore", model.name(), NIGHTLY.next(now)) ? 1 : 0;
            }
          }
          return made;
        });
  }

  private boolean queue(Connection connection, String what, String name, Instant due)
      throws SQLException {
    return jobs.enqueue(
            connection,
            NewJob.of(
                    KIND,
                    JsonCodec.object()
                        .put("what", what)
                        .put("name", name)
                        .put("due", due.toString()))
                .at(due.atOffset(ZoneOffset.UTC))
                .key(KIND + "/" + what + "/" + name + "/" + due))
        .isPresent();
  }

  /**
   * Queues the batch after {@code batch} when it was full; the first batch of a run also queues the
   * next moment.
   */
  private void next(
      JobRun run, String what, String name, Instant due, List<UUID> batch, Instant nextMoment)
      throws SQLException {
    if (batch.size() == this.batch) {
      jobs.enqueue(run.connection(), Batches.next(run, batch.get(batch.size() - 1)));
    }
    if (Batches.after(run).isEmpty()) {
      queue(run.connection(), what, name, nextMoment);
    }
  }

  @Override
  public void run(JobRun run) throws SQLException {
    String what = run.job().payload().path("what").asText();
    String name = run.job().payload().path("name").asText();
    Instant due = Instant.parse(run.job().payload().path("due").asText());
    NestedWrites writes = records.writesOn(run.connection());
    WriteContext context = ActionTarget.platform(run.now());
    if (what.equals("rescore")) {
      rescore(run, writes, context, name, due);
    } else {
      scheduled(run, writes, context, name, due);
    }
    run.afterCommit(() -> records.afterCommit(writes));
  }

  private void scheduled(
      JobRun run, NestedWrites writes, WriteContext context, String name, Instant due)
      throws SQLException {
    Optional<Automation> found =
        writes
            .snapshot()
            .automations()
            .named(name)
            .filter(a -> a.active() && a.trigger() instanceof Trigger.OnSchedule);
    if (found.isEmpty()) {
      return;
    }
    Automation automation = found.get();
    Trigger.OnSchedule on = (Trigger.OnSchedule) automation.trigger();
    if (!on.next(due.minusSeconds(1)).equals(due)) {
      return; // the schedule changed since: plan() has queued its new moment
    }
    Optional<CompiledObject> object = writes.snapshot().object(automation.object());
    List<UUID> batch =
        object.isPresent()
            ? selected(
                run.connection(), object.get(), automation, context, Batches.after(run), this.batch)
            : List.of();
    for (UUID id : batch) {
      Actions.run(
          ActionTarget.stored(writes, automation.object(), id, context, automating),
          automation,
          "schedule");
    }
    next(run, "automation", name, due, batch, on.next(due));
  }

  private void rescore(
      JobRun run, NestedWrites writes, WriteContext context, String name, Instant due)
      throws SQLException {
    Optional<ScoringModel> found =
        writes.snapshot().automations().scoring().stream()
            .filter(m -> m.name().equals(name) && m.active() && m.halfLife().isPresent())
            .findFirst();
    if (found.isEmpty() || writes.snapshot().object(found.get().object()).isEmpty()) {
      return;
    }
    ScoringModel model = found.get();
    CompiledObject object = writes.snapshot().object(model.object()).get();
    Scoring scoring = new Scoring(writes, context, automating);
    List<UUID> batch =
        ids(
            run.connection(),
            object,
            Sql.of("\"" + model.field() + "\" > 0"),
            Batches.after(run),
            this.batch);
    for (UUID id : batch) {
      scoring.rescore(model, model.object(), id);
    }
    next(run, "rescore", name, due, batch, NIGHTLY.next(due));
  }

  /**
   * A batch of the live records of {@code object} the automation's condition holds for now, by id,
   * after {@code after}.
   */
  private static List<UUID> selected(
      Connection connection,
      CompiledObject object,
      Automation automation,
      WriteContext context,
      Optional<UUID> after,
      int limit)
      throws SQLException {
    Sql where =
        automation
            .condition()
            .map(c -> ConditionSql.compile(c, context.conditions()))
            .orElse(Sql.of("true"));
    return ids(connection, object, where, after, limit);
  }

  private static List<UUID> ids(
      Connection connection, CompiledObject object, Sql where, Optional<UUID> after, int limit)
      throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM "
                + object.table()
                + " WHERE \"deleted_at\" IS NULL AND ("
                + where.text()
                + ")"
                + (after.isPresent() ? " AND id > ?" : "")
                + " ORDER BY id LIMIT "
                + limit)) {
      for (int i = 0; i < where.binds().size(); i++) {
        ColumnValues.bind(connection, select, i + 1, where.binds().get(i));
      }
      if (after.isPresent()) {
        select.setObject(where.binds().size() + 1, after.get());
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
