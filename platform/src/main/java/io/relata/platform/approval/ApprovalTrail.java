package io.relata.platform.approval;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Each turn of an approval request as an entry of its record's audit trail, in the transaction that
 * takes it: asked, approved (each step), rejected, recalled (actions {@code approval.*}, which the
 * record's timeline shows). The entry names the request, the process, the stage asked for and the
 * step; a comment is kept as an erasable value, as people's words are.
 */
final class ApprovalTrail {

  private ApprovalTrail() {}

  /** A turn of a request. */
  record Turn(
      String action,
      ApprovalRequest request,
      String processLabel,
      int step,
      int steps,
      Optional<String> comment) {}

  static void append(Connection connection, Actor actor, OffsetDateTime at, Turn turn)
      throws SQLException {
    ApprovalRequest request = turn.request();
    AuditEntry entry =
        actor
            .audit(at, "approval." + turn.action())
            .on(request.object(), request.record())
            .with("approval", request.id().toString())
            .with("process", request.process())
            .with("processLabel", turn.processLabel())
            .with("stage", request.stage())
            .with("step", turn.step())
            .with("steps", turn.steps());
    if (turn.comment().isPresent()) {
      entry =
          entry.changes(
              List.of(
                  new AuditEntry.FieldChange(
                      "comment", null, JsonCodec.NODES.textNode(turn.comment().get()))));
    }
    AuditLog.append(connection, entry);
  }
}
