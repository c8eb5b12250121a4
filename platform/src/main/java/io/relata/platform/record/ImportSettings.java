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

  /**
   * Whether a user with {@code access} may import with an upsert key: they edit every record of the
   * object, as an upsert could otherwise overwrite (and so learn of) records they cannot see.
   */
  public static boolean mayUpsert(io.relata.platform.access.ObjectAccess access) {
    return access.rights().edit() && access.edit().isAll();
  }

  /** Whether {@code field} can key an upsert: it is unique, and not computed. */
  public static boolean upsertKey(io.relata.metadata.definition.FieldDefinition field) {
    return field.unique() && !field.type().computed();
  }
}
