package io.relata.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered {@link JobHandler handlers}, by kind: every CDI bean that implements one. */
@ApplicationScoped
public class JobHandlers {

  private Map<String, JobHandler> byKind;

  /** For CDI's proxy. */
  protected JobHandlers() {}

  @Inject
  JobHandlers(Instance<JobHandler> handlers) {
    this(handlers.stream().toList());
  }

  /** The registry of {@code handlers}; two for one kind are a deployment error. */
  public JobHandlers(List<JobHandler> handlers) {
    Map<String, JobHandler> kinds = new HashMap<>();
    for (JobHandler handler : handlers) {
      if (kinds.put(handler.kind(), handler) != null) {
        throw new IllegalStateException("two job handlers run " + handler.kind());
      }
    }
    this.byKind = Map.copyOf(kinds);
  }

  public Optional<JobHandler> of(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }
}
