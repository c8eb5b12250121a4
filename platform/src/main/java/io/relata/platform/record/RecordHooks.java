package io.relata.platform.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The registered {@link RecordHook hooks}, by stage and order: every CDI bean that implements
 * {@link RecordHook} (the platform's own audit and roll-ups among them). Read once; two hooks with
 * one name are a deployment error.
 */
@ApplicationScoped
public class RecordHooks {

  private static final Logger LOG = Logger.getLogger(RecordHooks.class.getName());

  private Map<RecordHook.Stage, List<RecordHook>> byStage;

  /** For CDI's proxy. */
  protected RecordHooks() {}

  @Inject
  RecordHooks(Instance<RecordHook> hooks) {
    this(hooks.stream().toList());
  }

  /** The registry of {@code hooks}. */
  public RecordHooks(List<RecordHook> hooks) {
    Set<String> names = new HashSet<>();
    Map<RecordHook.Stage, List<RecordHook>> stages = new EnumMap<>(RecordHook.Stage.class);
    for (RecordHook.Stage stage : RecordHook.Stage.values()) {
      stages.put(stage, new ArrayList<>());
    }
    for (RecordHook hook : hooks) {
      if (!names.add(hook.name())) {
        throw new IllegalStateException("two record hooks are named " + hook.name());
      }
      stages.get(hook.stage()).add(hook);
    }
    stages.replaceAll(
        (stage, list) ->
            list.stream()
                .sorted(Comparator.comparingInt(RecordHook::order).thenComparing(RecordHook::name))
                .toList());
    this.byStage = stages;
  }

  /** The hooks of {@code stage}, in the order they run. */
  public List<RecordHook> of(RecordHook.Stage stage) {
    return byStage.get(stage);
  }

  /** Runs the hooks of {@code stage} on a batch of changes, each hook on all of them in turn. */
  void runAll(RecordHook.Stage stage, List<RecordChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    changes.forEach(change -> change.enter(stage));
    for (RecordHook hook : byStage.get(stage)) {
      hook.runAll(changes);
    }
  }

  /**
   * Runs the after-commit hooks on {@code change}, then on the writes hooks made in its
   * transaction. The write has committed, so a hook that fails cannot undo it: its failure is
   * logged, and the next hook runs all the same.
   */
  void afterCommit(RecordChange change) {
    change.enter(RecordHook.Stage.AFTER_COMMIT);
    for (RecordHook hook : byStage.get(RecordHook.Stage.AFTER_COMMIT)) {
      try {
        hook.run(change);
      } catch (SQLException | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            e,
            () ->
                "after-commit hook "
                    + hook.name()
                    + " failed on "
                    + change.object().name()
                    + " "
                    + change.id()
                    + " (request "
                    + change.context().requestId()
                    + ")");
      }
    }
    change.caused().forEach(this::afterCommit);
  }

  /** Runs the hooks of {@code stage} on {@code change}, in order. */
  void run(RecordHook.Stage stage, RecordChange change) throws SQLException {
    change.enter(stage);
    for (RecordHook hook : byStage.get(stage)) {
      hook.run(change);
    }
  }
}
