package io.relata.platform.automation;

import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Before an activity about a scored record is stored, locks that record for the rest of the
 * transaction. Storing the activity takes a share lock on the record it is about (so it cannot be
 * deleted meanwhile), and {@link Scores} then needs the record's update lock: two activities
 * written at once would each hold the first and wait for the second. Taking the update lock first
 * makes them wait in turn instead.
 */
@ApplicationScoped
public class ScoreLocks implements RecordHook {

  @Override
  public String name() {
    return "scores-lock";
  }

  @Override
  public Stage stage() {
    return Stage.BEFORE_SAVE;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (!change.object().name().equals(Scoring.ACTIVITY)) {
      return;
    }
    Optional<Map.Entry<String, UUID>> about = Scoring.about(change.after());
    if (about.isEmpty()) {
      about = change.before().flatMap(Scoring::about);
    }
    if (about.isEmpty()
        || change.snapshot().automations().scoring(about.get().getKey()).isEmpty()) {
      return;
    }
    Optional<CompiledObject> scored = change.snapshot().object(about.get().getKey());
    if (scored.isEmpty()) {
      return;
    }
    try (PreparedStatement lock =
        change
            .connection()
            .prepareStatement(
                "SELECT 1 FROM " + scored.get().table() + " WHERE \"id\" = ? FOR UPDATE")) {
      lock.setObject(1, about.get().getValue());
      lock.executeQuery().close();
    }
  }
}
