/**
 * Metadata documents by kind: the registry of kinds ({@link io.relata.metadata.kind.DocumentKinds}:
 * objects; roles, permission sets and sharing rules; apps and dashboards; automations and what they
 * use; each with its meta-schema, its readers, whether it changes data and its {@link
 * io.relata.metadata.kind.CompileStep}), a model's documents by kind ({@link
 * io.relata.metadata.kind.Documents}) and the diff every kind has ({@link
 * io.relata.metadata.kind.DocumentChange}).
 */
package io.relata.metadata.kind;
