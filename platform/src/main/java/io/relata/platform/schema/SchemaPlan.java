package io.relata.platform.schema;

import io.relata.metadata.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /**
   * What the plan deletes, as a short hash: a confirmation names it, so that a plan that would now
   * delete something else (another change came first) is shown again. The counts are left out:
   * writes go on while an admin reads a plan.
   */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (SchemaStep step : steps) {
        if (step.destructive()) {
          digest.update((step.code() + "\n" + step.sql() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
