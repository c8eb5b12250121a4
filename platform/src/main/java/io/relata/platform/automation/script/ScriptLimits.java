package io.relata.platform.automation.script;

import java.time.Duration;

/**
 * The governor limits of one script run: what it may use before it is stopped, each reported with
 * what the run used (in the run log).
 *
 * @param statements JavaScript statements executed
 * @param wallClock time from start to end, host calls included
 * @param queries calls of {@code query}
 * @param rowsRead records those queries answered, in all
 * @param recordsWritten calls of {@code create}
 * @param logBytes characters written with {@code log}
 */
public record ScriptLimits(
    long statements,
    Duration wallClock,
    int queries,
    int rowsRead,
    int recordsWritten,
    int logBytes) {

  /** What a script run gets unless its automation says otherwise. */
  public static final ScriptLimits DEFAULT =
      new ScriptLimits(1_000_000, Duration.ofSeconds(5), 20, 2_000, 50, 16_384);
}
