/**
 * The model as the platform uses it: {@link io.relata.metadata.model.CompiledModel}, an immutable
 * snapshot of one metadata revision — definitions, the documents they came from, and each object's
 * record schema — built only from documents that passed every rule ({@link
 * io.relata.metadata.model.ModelCompiler}). Readers hold one snapshot for a whole request and never
 * see half a change.
 */
package io.relata.metadata.model;
