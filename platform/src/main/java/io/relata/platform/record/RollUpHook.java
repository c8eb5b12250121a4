package io.relata.platform.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

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
}
