package io.relata.platform.mail;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.json.JsonCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message sent, as an entry of the audit trail of the record it is about (action {@code
 * mail.sent}, which the record's timeline shows), in the transaction of the job that sent it. The
 * entry says to whom by the person's name or the record's field the address came from; the address
 * and the subject (merged from the record) are kept as erasable values, as personal data is.
 */
final class MailTrail {

  private MailTrail() {}

  static void sent(Connection connection, Email email, UUID job, OffsetDateTime at)
      throws SQLException {
    Optional<About> about = about(email.about());
    if (about.isEmpty()) {
      return;
    }
    AuditEntry entry =
        AuditEntry.event(at, Optional.empty(), "mail.sent")
            .on(about.get().object(), about.get().id())
            .with("job", job.toString())
            .with("language", email.language());
    if (email.name().isPresent()) {
      entry = entry.with("toName", email.name().get());
    }
    if (email.field().isPresent()) {
      entry = entry.with("toField", email.field().get());
    }
    AuditLog.append(
        connection,
        entry.changes(
            List.of(
                new AuditEntry.FieldChange("to", null, JsonCodec.NODES.textNode(email.to())),
                new AuditEntry.FieldChange(
                    "subject", null, JsonCodec.NODES.textNode(email.subject())))));
  }

  private record About(String object, UUID id) {}

  /** The record of {@code object/id}; none for a message about something else. */
  private static Optional<About> about(String about) {
    int slash = about.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new About(about.substring(0, slash), UUID.fromString(about.substring(slash + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
