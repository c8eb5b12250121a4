/**
 * The audit log: entries written by the transaction of the change they describe, sealed into a
 * SHA-256 hash chain right after commit, and verified by recomputing the chain. Field values stay
 * out of the hashed content so that they can be erased while the chain still verifies. See {@code
 * platform/docs/security-design.md}, "Audit".
 */
package io.relata.platform.audit;
