/**
 * The tables of runtime-defined objects: one table per object in the schema {@code records}, one
 * typed column per field, real foreign keys and indexes. {@link
 * io.relata.platform.schema.SchemaPlanner} turns a metadata diff into a plan — DDL steps with their
 * data effects, or the reasons the change is refused — and {@link
 * io.relata.platform.schema.SchemaMigrator} runs a plan on the caller's connection, inside the
 * caller's transaction: PostgreSQL DDL is transactional, so a failed change leaves nothing behind.
 */
package io.relata.platform.schema;
