package io.relata.metadata.definition;

import java.util.List;
import java.util.Optional;

/** The ordered stages a record of the object moves through. */
public record Pipeline(List<Stage> stages) {

  public Pipeline {
    stages = List.copyOf(stages);
  }

  public Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * A stage.
   *
   * @param requiredFields fields that must have a value for a record to enter the stage
   * @param next the stages a record may move to from here; empty means any
   * @param labels the label in other languages
   */
  public record Stage(
      String name,
      String label,
      int probability,
      StageCategory category,
      Optional<String> colour,
      List<String> requiredFields,
      List<String> next,
      Translations labels,
      Optional<Guard> guard) {

    public Stage {
      requiredFields = List.copyOf(requiredFields);
      next = List.copyOf(next);
    }

    /** A stage without a guard, as stages were before guards. */
    public Stage(
        String name,
        String label,
        int probability,
        StageCategory category,
        Optional<String> colour,
        List<String> requiredFields,
        List<String> next,
        Translations labels) {
      this(
          name,
          label,
          probability,
          category,
          colour,
          requiredFields,
          next,
          labels,
          Optional.empty());
    }
  }

  /**
   * What a record must meet to enter a stage: a condition in the one language (prior values
   * included, as validation rules read them), and the message the writer is told at the stage.
   */
  public record Guard(String condition, String message) {}

  /** Whether a stage is still in play, or the end of the pipeline. */
  public enum StageCategory {
    OPEN,
    WON,
    LOST
  }
}
