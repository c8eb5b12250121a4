package io.relata.platform.record;

import java.util.Optional;

/**
 * How an import writes.
 *
 * @param allOrNothing one transaction for the whole file: any bad row and nothing is written;
 *     otherwise (best effort) each batch commits its good rows and reports the bad ones
 * @param dryRun check every row, database constraints included, then write nothing
 * @param upsertBy a unique field: a row whose value there matches a record updates that record
 * @param skip rows already done by an earlier, interrupted run of the same job
 */
public record ImportSettings(
    boolean allOrNothing, boolean dryRun, Optional<String> upsertBy, long skip, int batchSize) {

  public static final int DEFAULT_BATCH = 5_000;

  /** Whether {@code field} can key an upsert: it is unique, and not computed. */
  public static boolean upsertKey(io.relata.metadata.definition.FieldDefinition field) {
    return field.unique() && !field.type().computed();
  }
}
