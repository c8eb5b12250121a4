package io.relata.platform.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What running an automation's actions needs beside the record and its writes: scripts run, and
 * runs logged. One bean for the hooks and jobs that run actions to hold.
 */
@ApplicationScoped
public class Automating {

  private Scripting scripting;
  private RunLog runs;

  /** For CDI's proxy. */
  protected Automating() {}

  @Inject
  public Automating(Scripting scripting, RunLog runs) {
    this.scripting = scripting;
    this.runs = runs;
  }

  public Scripting scripting() {
    return scripting;
  }

  public RunLog runs() {
    return runs;
  }
}
