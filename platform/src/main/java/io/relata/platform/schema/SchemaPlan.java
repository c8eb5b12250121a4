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
   * delete something else (another change came first) is shown again. It hashes each destructive
   * step's code and names; the counts are left out, as writes go on while an admin reads a plan,
   * and so is the SQL, which names the revision the change will have.
   */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (SchemaStep step : steps) {
        if (step.destructive()) {
          digest.update((step.code() + "\n").getBytes(StandardCharsets.UTF_8));
          for (String arg : step.args()) {
            if (!SchemaStep.isCount(arg)) {
              digest.update((arg + "\n").getBytes(StandardCharsets.UTF_8));
            }
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
