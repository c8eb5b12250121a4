package io.relata.platform.audit;

import java.util.List;

/**
 * The kinds of entry the platform writes, as a reader filters by them. Each has its summary in the
 * platform's messages, under its own name; a plugin's kinds are filtered by typing their name.
 */
public final class AuditActions {

  /** Record events first, then sharing, approvals and mail, the model, people, sign-in, audit. */
  public static final List<String> ALL =
      List.of(
          "record.create",
          "record.update",
          "record.delete",
          "record.restore",
          "record.purge",
          "record.import",
          "record.export",
          "share.grant",
          "share.revoke",
          "approval.asked",
          "approval.approved",
          "approval.rejected",
          "approval.recalled",
          "mail.sent",
          "metadata.revision",
          "metadata.erase",
          "user.create",
          "user.change",
          "user.unlock",
          "user.tokens-revoke",
          "group.create",
          "group.change",
          "group.delete",
          "group.member-add",
          "group.member-remove",
          "login",
          "login.failed",
          "token.issue",
          "token.revoke",
          "audit.export");

  private AuditActions() {}
}
