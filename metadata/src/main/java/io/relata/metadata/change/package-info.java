/**
 * What a metadata change changes: {@link io.relata.metadata.change.ModelDiff} compares the model
 * before and after and lists {@link io.relata.metadata.change.Change}s — the input of the plan (DDL
 * and data effects) and of the revision history's diff.
 */
package io.relata.metadata.change;
