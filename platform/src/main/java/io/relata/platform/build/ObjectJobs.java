package io.relata.platform.build;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.json.JsonCodec;
import java.util.Optional;

/**
 * The jobs of this package work on one object's table after one revision: each is keyed by both, so
 * a change queues it once, and runs only on a node that has loaded that revision.
 */
final class ObjectJobs {

  private ObjectJobs() {}

  /** A job of {@code kind} on {@code object}'s table, after revision {@code revision}. */
  static NewJob of(String kind, String object, long revision) {
    return NewJob.of(kind, JsonCodec.object().put("object", object).put("revision", revision))
        .key(kind + "/" + object + "/" + revision);
  }

  /**
   * The object {@code run} works on, as the current {@code model} has it; empty when it has been
   * removed since, and then there is nothing to do. Fails the attempt on a node that has not loaded
   * the revision the job follows.
   */
  static Optional<ObjectDefinition> object(JobRun run, CompiledModel model) {
    run.requireRevision(model.revision());
    return model.object(run.job().payload().path("object").asText());
  }
}
