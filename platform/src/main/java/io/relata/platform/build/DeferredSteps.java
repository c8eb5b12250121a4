package io.relata.platform.build;

import io.relata.metadata.model.CompiledModel;
import io.relata.platform.job.JobQueue;
import io.relata.platform.metadata.ModelChangeHook;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Queues, in the change's transaction, the jobs of its deferred steps: one index build per object
 * with indexes left to build, one search refresh per object whose records' words changed. Each job
 * carries the change's revision, and is keyed by it, so a retried change queues nothing twice.
 */
@ApplicationScoped
public class DeferredSteps implements ModelChangeHook {

  private JobQueue jobs;

  /** For CDI's proxy. */
  protected DeferredSteps() {}

  @Inject
  public DeferredSteps(JobQueue jobs) {
    this.jobs = jobs;
  }

  @Override
  public void applied(
      Connection connection, CompiledModel before, CompiledModel after, SchemaPlan plan)
      throws SQLException {
    Set<String> indexed = new LinkedHashSet<>();
    Set<String> searched = new LinkedHashSet<>();
    for (SchemaStep step : plan.steps()) {
      if (step.deferred() && step.code().equals(IndexBuild.STEP)) {
        indexed.add(step.object());
      } else if (step.deferred() && step.code().equals(SearchRefresh.STEP)) {
        searched.add(step.object());
      }
    }
    for (String object : indexed) {
      jobs.enqueue(connection, IndexBuild.of(object, after.revision()));
    }
    for (String object : searched) {
      jobs.enqueue(connection, SearchRefresh.of(object, after.revision()));
    }
  }
}
