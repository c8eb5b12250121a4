package io.relata.platform.approval;

import io.relata.metadata.automation.ApprovalProcess;
import io.relata.platform.record.RecordChange;
import io.relata.platform.record.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A delete that would take a record awaiting approval to the recycle bin along with its master (a
 * master-detail child, or a lookup that cascades) is refused, as deleting that record itself is:
 * the request must be decided or recalled first, or it would wait on a record nobody sees.
 */
@ApplicationScoped
public class LockedChildren implements RecordHook {

  @Override
  public String name() {
    return "approval-locked-children";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_SAVE;
  }

  /** Before the audit entry (0) and the automations: a refused delete costs nothing more. */
  @Override
  public int order() {
    return -10;
  }

  @Override
  public void run(RecordChange change) throws SQLException {
    if (change.kind() != RecordChange.Kind.DELETE) {
      return;
    }
    for (Map.Entry<String, List<UUID>> moved : change.cascaded().entrySet()) {
      Optional<ApprovalRequest> pending =
          ApprovalStore.pendingAmong(change.connection(), moved.getKey(), moved.getValue());
      if (pending.isPresent()) {
        String process =
            change
                .snapshot()
                .automations()
                .approval(pending.get().process())
                .map(ApprovalProcess::label)
                .orElse(pending.get().process());
        String object =
            change
                .snapshot()
                .object(moved.getKey())
                .map(o -> o.definition().label())
                .orElse(moved.getKey());
        change.refuse("", "approval.child-locked", object, process);
      }
    }
  }
}
