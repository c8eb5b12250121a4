package io.relata.platform.schema;

import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * What applying a metadata change would do to the database: the steps in order, or — when the data
 * forbids it — why not, by object and JSON pointer into its document.
 */
public record SchemaPlan(List<SchemaStep> steps, Map<String, List<Problem>> refused) {

  public SchemaPlan {
    steps = List.copyOf(steps);
    refused = Map.copyOf(refused);
  }

  public boolean destructive() {
    return steps.stream().anyMatch(SchemaStep::destructive);
  }

  public boolean acceptable() {
    return refused.isEmpty();
  }
}
