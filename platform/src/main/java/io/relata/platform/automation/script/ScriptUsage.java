package io.relata.platform.automation.script;

/**
 * What one script run used of its {@link ScriptLimits}. Statements are not counted (GraalJS only
 * stops a run at its limit, and says so as the run's failure).
 */
public record ScriptUsage(
    long millis, int queries, int rowsRead, int recordsWritten, int logBytes) {}
