/**
 * Approvals on screens: the inbox of requests the user decides ({@link
 * io.relata.ui.approval.ApprovalsView}), a pending request on its record's page ({@link
 * io.relata.ui.approval.ApprovalBanner}), and the decision with its comment ({@link
 * io.relata.ui.approval.DecisionDialog}). May use {@code platform.approval}, {@code screen}, {@code
 * shell}, {@code format}, {@code session} and {@code record} (for problems).
 */
package io.relata.ui.approval;
