/**
 * Queries over records compiled to SQL: resolved filters to parameterised {@code WHERE} clauses,
 * sorts to {@code ORDER BY} with keyset pagination behind an opaque cursor, group-by aggregates.
 * Identifiers come only from metadata, values only as bind parameters. This package depends on the
 * metadata module, never on {@code record}, which uses it.
 */
package io.relata.platform.query;
