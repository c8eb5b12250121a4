package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a script run ended: the record as the script left it, the problems it raised by field, its
 * log, what it used, and — when it was stopped — why.
 */
public record ScriptResult(
    Optional<ObjectNode> record,
    Map<String, String> problems,
    List<String> log,
    ScriptUsage usage,
    Optional<Failure> failure) {

  public ScriptResult {
    problems = Map.copyOf(problems);
    log = List.copyOf(log);
  }

  /**
   * Why a run was stopped: {@code kind} is {@code statements}, {@code time}, {@code memory}, {@code
   * queries}, {@code rows}, {@code records}, {@code log}, {@code syntax}, {@code error} or {@code
   * runner}; {@code line} the script's line when known.
   */
  public record Failure(String kind, String message, Optional<Integer> line) {}

  public boolean ok() {
    return failure.isEmpty();
  }
}
