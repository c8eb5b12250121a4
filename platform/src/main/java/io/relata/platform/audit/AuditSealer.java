package io.relata.platform.audit;

import io.relata.platform.database.AdvisoryLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Puts committed entries into the hash chain in batches: the queue's rows by their smallest id,
 * each row's entries in the order they were written. One node seals at a time (a transaction-scoped
 * advisory lock); the others skip their turn. Sealing after commit, instead of chaining inside each
 * writing transaction, keeps writers from queueing on one chain-head lock.
 */
public final class AuditSealer {

  /**
   * The advisory lock that makes one node at a time the sealer ("RELAAUDT"). Whoever holds it
   * pauses sealing; the test suite does, around each request whose refusal it checks.
   */
  public static final long LOCK = 0x52454C4141554454L;

  static final int BATCH = 1_000;

  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  private AuditSealer() {}

  /**
   * Seals everything that is pending, a batch per transaction.
   *
   * @return how many entries were sealed; 0 also when another node holds the sealer's lock
   */
  public static long sealPending(DataSource dataSource, Clock clock) throws SQLException {
    long sealed = 0;
    try (Connection connection = dataSource.getConnection()) {
      int isolation = connection.getTransactionIsolation();
      // each statement must see what committed before it, the chain head above all: under a
      // snapshot isolation the head could be read from before the lock was granted
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(false);
      try {
        Batch batch;
        do {
          batch = sealBatch(connection, OffsetDateTime.now(clock));
          connection.commit();
          sealed += batch.count();
          if (batch.count() > 0) {
            publish(batch);
          }
        } while (batch.queued() >= BATCH);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(isolation);
      }
    }
    return sealed;
  }

  /**
   * What one batch took off the queue ({@code queued} ids) and sealed ({@code count} entries), and
   * the chain's head after it.
   */
  record Batch(int queued, int count, long position, byte[] hash) {}

  private static final Batch NONE = new Batch(0, 0, 0, AuditChain.GENESIS);

  /**
   * Publishes the head outside the database, in the server log: a verification can then tell a
   * chain cut short together with its seals from an intact one (security-design.md, "Audit").
   */
  private static void publish(Batch batch) {
    LOG.info(
        () ->
            "Audit chain head: position "
                + batch.position()
                + ", hash "
                + HexFormat.of().formatHex(batch.hash()));
  }

  /** One batch in the caller's transaction; none when another node is sealing. */
  static Batch sealBatch(Connection connection, OffsetDateTime now) throws SQLException {
    if (!AdvisoryLocks.tryForTransaction(connection, LOCK)) {
      return NONE;
    }
    long position = 0;
    byte[] previous = AuditChain.GENESIS;
    try (PreparedStatement head =
            connection.prepareStatement(
                "SELECT position, hash FROM relata.audit_seal ORDER BY position DESC LIMIT 1");
        ResultSet last = head.executeQuery()) {
      if (last.next()) {
        position = last.getLong(1);
        previous = last.getBytes(2);
      }
    }
    List<Long> queueRows = new ArrayList<>();
    List<Long> queued = new ArrayList<>();
    try (PreparedStatement pending =
        connection.prepareStatement(
            "SELECT first_id, entry_ids FROM relata.audit_pending ORDER BY first_id LIMIT "
                + BATCH)) {
      // a few rows at a time (the transaction keeps a cursor open): an import's row holds thousands
      // of ids, and a batch usually needs only its first rows
      pending.setFetchSize(16);
      try (ResultSet rows = pending.executeQuery()) {
        // whole queue rows (a write's entries are sealed together), until the batch is full
        while (queued.size() < BATCH && rows.next()) {
          queueRows.add(rows.getLong(1));
          queued.addAll(Arrays.asList((Long[]) rows.getArray(2).getArray()));
        }
      }
    }
    if (queueRows.isEmpty()) {
      return NONE;
    }
    List<AuditChain.StoredEntry> entries = entries(connection, queued);
    Long[] ids = entries.stream().map(AuditChain.StoredEntry::id).toArray(Long[]::new);
    Map<Long, List<AuditChain.StoredValue>> values = AuditRows.values(connection, ids);
    try (PreparedStatement seal =
        connection.prepareStatement(
            "INSERT INTO relata.audit_seal (position, entry_id, values_digest, hash, sealed_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (AuditChain.StoredEntry entry : entries) {
        byte[] digest = AuditChain.valuesDigest(values.getOrDefault(entry.id(), List.of()));
        byte[] hash = AuditChain.link(previous, entry, digest);
        seal.setLong(1, ++position);
        seal.setLong(2, entry.id());
        seal.setBytes(3, digest);
        seal.setBytes(4, hash);
        seal.setObject(5, now);
        seal.addBatch();
        previous = hash;
      }
      seal.executeBatch();
    }
    try (PreparedStatement done =
        connection.prepareStatement("DELETE FROM relata.audit_pending WHERE first_id = ANY (?)")) {
      done.setArray(1, connection.createArrayOf("bigint", queueRows.toArray()));
      done.executeUpdate();
    }
    return new Batch(queued.size(), entries.size(), position, previous);
  }

  /**
   * The entries of {@code queued} not sealed yet, in that order, each once: an id queued twice
   * would otherwise fail the seal's unique entry, and with it every turn after. A queued id without
   * its entry is left out: nothing but {@link AuditLog} writes the queue, in the entry's own
   * transaction.
   */
  private static List<AuditChain.StoredEntry> entries(Connection connection, List<Long> queued)
      throws SQLException {
    List<Long> ids = new ArrayList<>(new LinkedHashSet<>(queued));
    Map<Long, AuditChain.StoredEntry> byId = new HashMap<>(ids.size() * 2);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + AuditRows.ENTRY_COLUMNS
                + " FROM relata.audit_entry e WHERE e.id = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM relata.audit_seal s WHERE s.entry_id = e.id)")) {
      select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          AuditChain.StoredEntry entry = AuditRows.entry(rows, 1);
          byId.put(entry.id(), entry);
        }
      }
    }
    List<AuditChain.StoredEntry> entries = new ArrayList<>(byId.size());
    for (Long id : ids) {
      AuditChain.StoredEntry entry = byId.get(id);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
