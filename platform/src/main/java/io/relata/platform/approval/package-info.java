/**
 * Approvals (the {@code approval-processes} kind): a write that moves a record into a stage an
 * approval process guards leaves the record where it was, locked, and asks the approvers of the
 * process's first step ({@link io.relata.platform.approval.ApprovalHook}); approvers decide with a
 * comment, step by step, and the last approval moves the record into the stage ({@link
 * io.relata.platform.approval.Approvals}); each turn is an entry of the record's audit trail, on
 * its timeline ({@link io.relata.platform.approval.ApprovalTrail}); {@code /api/v1/approvals} is
 * the inbox. May use {@code record}, {@code notification}, {@code audit}, {@code access}, {@code
 * identity}, {@code database}, {@code time}, {@code rest} and {@code json}.
 */
package io.relata.platform.approval;
