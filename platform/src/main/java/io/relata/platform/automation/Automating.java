package io.relata.platform.automation;

import io.relata.platform.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What running an automation's actions needs beside the record and its writes: scripts run, runs
 * logged, mail and webhook calls queued. One bean for the hooks and jobs that run actions to hold.
 */
@ApplicationScoped
public class Automating {

  private Scripting scripting;
  private RunLog runs;
  private JobQueue jobs;

  /** For CDI's proxy. */
  protected Automating() {}

  @Inject
  public Automating(Scripting scripting, RunLog runs, JobQueue jobs) {
    this.scripting = scripting;
    this.runs = runs;
    this.jobs = jobs;
  }

  public Scripting scripting() {
    return scripting;
  }

  public RunLog runs() {
    return runs;
  }

  /** The queue mail and webhook calls go through, in the write's transaction. */
  public JobQueue jobs() {
    return jobs;
  }
}
