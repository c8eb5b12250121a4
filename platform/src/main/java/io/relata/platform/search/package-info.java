/**
 * Search across objects for the search box: {@code GET /api/v1/search?q=}. The records are found by
 * the record service, in the search column that the schema migrator generates per object.
 */
package io.relata.platform.search;
