package io.relata.platform.identity;

import com.fasterxml.jackson.databind.node.TextNode;
import io.relata.platform.audit.AuditEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The audit entry of a sign-in, by password or through an identity provider alike. */
final class LoginAudit {

  private LoginAudit() {}

  /**
   * A login, or a failed one: that names the account when there is one (so an admin can find the
   * guesses against it) and keeps the name that was typed as an erasable value, since it may be
   * someone's mistyped password or personal data.
   */
  static AuditEntry entry(
      boolean admitted, String username, Optional<User> user, OffsetDateTime now) {
    if (admitted) {
      return user.orElseThrow().asActor().audit(now, "login").on("user", user.get().id());
    }
    AuditEntry failed =
        AuditEntry.event(now, Optional.empty(), "login.failed")
            .changes(
                List.of(
                    new AuditEntry.FieldChange(
                        "username", null, TextNode.valueOf(username.strip()))));
    return user.map(u -> failed.on("user", u.id())).orElse(failed);
  }
}
