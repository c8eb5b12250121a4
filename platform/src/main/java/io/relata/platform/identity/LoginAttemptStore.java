package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** Where {@link LoginAttempts} are kept: one row per username that has failed lately. */
public interface LoginAttemptStore {

  /**
   * Applies {@code decision} to the username's state under a row lock and stores what it decided,
   * with the audit entry {@code audit} makes of the outcome, in one transaction, doing the same
   * statements whatever the outcome is.
   *
   * @return whether the attempt was admitted
   */
  boolean attempt(
      byte[] key,
      OffsetDateTime now,
      Function<LoginAttempts.State, LoginAttempts.Outcome> decision,
      Function<Boolean, AuditEntry> audit);

  /**
   * The advisory lock that lets one node at a time forget quiet names ("RELALOGN"). Whoever holds
   * it pauses the cleanup; the test suite does, around each request whose refusal it checks.
   */
  long CLEANUP_LOCK = 0x52454C414C4F474EL;

  /**
   * Forgets names that have neither failed since {@code before} nor are locked after it; forgets
   * nothing while another node holds {@link #CLEANUP_LOCK}.
   */
  int forgetQuietSince(OffsetDateTime before);
}
