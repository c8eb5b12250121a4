package io.relata.platform.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the roll-ups over a written record current ({@link RollUps}), in the derive stage of every
 * write. A purge changes no roll-up: the record had left them when it went to the recycle bin.
 */
@ApplicationScoped
public class RollUpHook implements RecordHook {

  @Override
  public String name() {
    return "roll-ups";
  }

  @Override
  public Stage stage() {
    return Stage.DERIVE;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (change.kind() == RecordChange.Kind.PURGE) {
      return;
    }
    RollUps.refresh(
        change.connection(),
        change.snapshot(),
        change.object().name(),
        change.before().orElse(null),
        change.after());
  }

  /** The parents of a batch's records (before and after), each recomputed once. */
  @Override
  public void runAll(List<RecordChange> changes) throws SQLException {
    RecordChange first = changes.get(0);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RecordChange change : changes) {
      if (change.kind() != RecordChange.Kind.PURGE) {
        change.before().ifPresent(rows::add);
        rows.add(change.after());
      }
    }
    RollUps.refreshAll(first.connection(), first.snapshot(), first.object().name(), rows);
  }
}
