package io.relata.metadata.automation;

import io.relata.metadata.condition.Typed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A score kept in a number {@code field} of {@code object}: the points of each {@link Fit} whose
 * condition the record meets, plus the points of each activity about the record by its kind ({@code
 * engagement}), each halved every {@code halfLife} after it was logged; {@link Threshold}s run
 * actions when the score rises to them.
 */
public record ScoringModel(
    String name,
    String label,
    String object,
    String field,
    boolean active,
    List<Fit> fit,
    Map<String, Integer> engagement,
    Optional<Duration> halfLife,
    List<Threshold> thresholds) {

  public ScoringModel {
    fit = List.copyOf(fit);
    engagement = Map.copyOf(engagement);
    thresholds = List.copyOf(thresholds);
  }

  /** Points for records that meet {@code condition} ({@code source} as written). */
  public record Fit(Optional<String> label, String source, Typed condition, int points) {}

  /**
   * Actions that run once each time the score rises from below {@code score} to it or above: an
   * automation of its own, named after the model and the score.
   */
  public record Threshold(int score, Optional<String> label, Automation automation) {}
}
