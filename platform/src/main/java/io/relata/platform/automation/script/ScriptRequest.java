package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A script to run: its name (for the log and the line of a problem), its text, the record it sees
 * as {@code record} (in the REST API's JSON form), and its limits.
 */
public record ScriptRequest(String name, String source, ObjectNode record, ScriptLimits limits) {}
