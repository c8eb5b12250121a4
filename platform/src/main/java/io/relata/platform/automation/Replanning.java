package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.automation.Automation;
import io.relata.metadata.automation.Automations;
import io.relata.metadata.automation.SlaPolicy;
import io.relata.metadata.automation.Trigger;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.job.JobQueue;
import io.relata.platform.metadata.ModelChangeHook;
import io.relata.platform.schema.SchemaPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Jobs planned from the metadata follow a change of it, queued in the change's transaction: a
 * service-level policy that changed, or whose calendar did, has its running clocks computed again
 * ({@link ServiceLevelReplan}); a date automation that is new, switched on, or has a new trigger is
 * scheduled for the records stored before ({@link DateAutomationPlan}). Schedules need nothing:
 * each run checks that its moment is still the schedule's, and the ticker plans the new one.
 */
@ApplicationScoped
public class Replanning implements ModelChangeHook {

  private JobQueue jobs;

  /** For CDI's proxy. */
  protected Replanning() {}

  @Inject
  public Replanning(JobQueue jobs) {
    this.jobs = jobs;
  }

  @Override
  public void applied(
      Connection connection, CompiledModel before, CompiledModel after, SchemaPlan plan)
      throws SQLException {
    Automations was = before.automations();
    Automations is = after.automations();
    Map<String, JsonNode> calendarsWere = byName(was.calendarDocuments());
    Map<String, JsonNode> calendars = byName(is.calendarDocuments());
    Map<String, JsonNode> policiesWere = byName(was.policyDocuments());
    for (Map.Entry<String, JsonNode> policy : byName(is.policyDocuments()).entrySet()) {
      SlaPolicy compiled = is.policy(policy.getKey()).orElseThrow();
      boolean changed =
          !timing(policy.getValue()).equals(timing(policiesWere.get(policy.getKey())))
              || !Objects.equals(
                  calendars.get(compiled.calendar()), calendarsWere.get(compiled.calendar()));
      if (compiled.active() && changed) {
        jobs.enqueue(connection, ServiceLevelReplan.of(compiled.name(), after.revision()));
      }
    }
    Map<String, JsonNode> automationsWere = byName(was.documents());
    Map<String, JsonNode> automations = byName(is.documents());
    for (Automation automation : is.all()) {
      if (!automation.active() || !(automation.trigger() instanceof Trigger.OnDate)) {
        continue;
      }
      JsonNode prior = automationsWere.get(automation.name());
      JsonNode now = automations.get(automation.name());
      boolean waited =
          prior != null
              && prior.path("active").asBoolean(true)
              && prior.path("object").equals(now.path("object"))
              && prior.path("trigger").equals(now.path("trigger"));
      if (!waited) {
        jobs.enqueue(connection, DateAutomationPlan.of(automation.name(), after.revision()));
      }
    }
  }

  /**
   * What of a policy's document its clocks' moments follow: a new label or new breach actions
   * compute no clock again. Its pause and stop conditions are read at each write of a record.
   */
  private static List<JsonNode> timing(JsonNode policy) {
    if (policy == null) {
      return List.of();
    }
    return List.of(
        policy.path("object"),
        policy.path("active"),
        policy.path("calendar"),
        policy.path("priorityField"),
        policy.path("targets"),
        policy.path("dueField"));
  }

  private static Map<String, JsonNode> byName(List<JsonNode> documents) {
    Map<String, JsonNode> named = new HashMap<>();
    for (JsonNode document : documents) {
      named.put(document.path("name").asText(), document);
    }
    return named;
  }
}
