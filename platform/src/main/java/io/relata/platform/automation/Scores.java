package io.relata.platform.automation;

import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps scores current ({@link Scoring}) after each write that may change one: of a scored record
 * itself (its fit), and of an activity about one (its engagement, the record it was about and the
 * one it is about now). The write of a score is not scored again.
 */
@ApplicationScoped
public class Scores implements RecordHook {

  private Automating automating;

  /** For CDI's proxy. */
  protected Scores() {}

  @Inject
  public Scores(Automating automating) {
    this.automating = automating;
  }

  @Override
  public String name() {
    return "scores";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (change.kind() == RecordChange.Kind.PURGE) {
      return;
    }
    Set<Map.Entry<String, UUID>> records = new LinkedHashSet<>();
    String object = change.object().name();
    if (object.equals(Scoring.ACTIVITY)) {
      Scoring.about(change.after()).ifPresent(records::add);
      change.before().flatMap(Scoring::about).ifPresent(records::add);
    } else if (change.kind() != RecordChange.Kind.DELETE && !scoresOwnWrite(change)) {
      records.add(Map.entry(object, change.id()));
    }
    records.removeIf(r -> change.snapshot().automations().scoring(r.getKey()).isEmpty());
    if (records.isEmpty()) {
      return;
    }
    Scoring scoring = new Scoring(change.writes(), change.context(), automating);
    for (Map.Entry<String, UUID> record : records) {
      scoring.rescore(record.getKey(), record.getValue());
    }
  }

  /** Whether the write is the score a model just kept on this very record. */
  private static boolean scoresOwnWrite(RecordChange change) {
    List<WriteContext.Cause> chain = change.context().chain();
    if (chain.isEmpty()) {
      return false;
    }
    WriteContext.Cause last = chain.get(chain.size() - 1);
    return last.record().equals(change.id())
        && change.snapshot().automations().scoring(last.object()).stream()
            .anyMatch(model -> model.name().equals(last.automation()));
  }
}
