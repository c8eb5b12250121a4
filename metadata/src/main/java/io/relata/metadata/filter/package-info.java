/**
 * The filter language of lists, counts, aggregates and list views. Two forms, text ({@code amount
 * >= 1000 and stage in ("won", "lost")}) and JSON, parse to one {@link
 * io.relata.metadata.filter.Filter}; {@link io.relata.metadata.filter.FilterResolver} types it
 * against an object's fields and resolves relative dates into a {@link
 * io.relata.metadata.filter.Predicate} whose values are ready to bind. Nothing here writes SQL: the
 * platform compiles predicates with identifiers from metadata and values as bind parameters.
 */
package io.relata.metadata.filter;
