/**
 * Records of runtime-defined objects: the one {@link io.relata.platform.record.RecordService}
 * through which every channel reads and writes them (ARCHITECTURE.md, "The flow of a record"), the
 * SQL it generates from the compiled model (identifiers from metadata, values bound), formulas,
 * validation rules, pipeline guards, auto-numbers, roll-ups, the recycle bin, and the REST resource
 * under {@code /api/v1/records}.
 */
package io.relata.platform.record;
