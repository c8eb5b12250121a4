package io.relata.platform.record;

import io.relata.metadata.type.ColumnType;

/**
 * One stored column of an object table.
 *
 * @param name the column, which is the field's name (or the currency column of a per-record
 *     currency amount)
 * @param kind how values are bound and read
 */
record Column(String name, ColumnType.Storage storage) {}
