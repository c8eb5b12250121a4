package io.relata.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the chain from the first position and names the first one that does not hold: a
 * missing position (a seal deleted, or entries reordered), an entry deleted, an entry changed, or
 * values changed or removed. Entries that are neither sealed nor pending were slipped in past the
 * log. (Erasure, when it comes, will record which values it removed, and this check will accept
 * exactly those.)
 */
public final class AuditVerifier {

  private static final int FETCH = 1_000;

  private AuditVerifier() {}

  /** Where the chain first breaks, and why ({@code audit.*} message codes). */
  public record Break(long position, String reason) {}

  /**
   * The outcome: how many positions verified, how many entries wait for the sealer, the hash at the
   * last position that verified (compare it with a head published earlier), and the first break.
   */
  public record Verification(long sealed, long pending, byte[] head, Optional<Break> firstBreak) {

    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  /**
   * A head published earlier (in the server log at a seal, or taken from an export): the chain must
   * still reach this position with this hash.
   */
  public record Head(long position, byte[] hash) {

    /** The head written as {@code position:hash} (hex), as the verification answers it. */
    public static Optional<Head> parse(String text) {
      String[] parts = text.trim().split(":", 2);
      try {
        long position = Long.parseLong(parts[0]);
        byte[] hash = java.util.HexFormat.of().parseHex(parts[1]);
        if (position > 0 && hash.length == 32) {
          return Optional.of(new Head(position, hash));
        }
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        // not a head
      }
      return Optional.empty();
    }
  }

  /** Verifies the whole chain; reads in a snapshot of its own (repeatable read, read only). */
  public static Verification verify(Connection connection) throws SQLException {
    return verify(connection, Optional.empty());
  }

  /**
   * Verifies the whole chain and that it still holds {@code known}: a chain cut short together with
   * its seals verifies on its own, but not against a head published before the cut.
   */
  public static Verification verify(Connection connection, Optional<Head> known)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    int isolation = connection.getTransactionIsolation();
    boolean readOnly = connection.isReadOnly();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    try {
      return walk(connection, known);
    } finally {
      connection.rollback();
      connection.setReadOnly(readOnly);
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Verification walk(Connection connection, Optional<Head> known)
      throws SQLException {
    long expected = 1;
    byte[] previous = AuditChain.GENESIS;
    Optional<Break> firstBreak = Optional.empty();
    try (PreparedStatement seals =
        connection.prepareStatement(
            "SELECT s.position, s.values_digest, s.hash, "
                + AuditRows.ENTRY_COLUMNS
                + " FROM relata.audit_seal s LEFT JOIN relata.audit_entry e ON e.id = s.entry_id"
                + " ORDER BY s.position")) {
      seals.setFetchSize(FETCH);
      try (ResultSet rows = seals.executeQuery()) {
        List<Sealed> batch = new ArrayList<>(FETCH);
        boolean more = true;
        while (more && firstBreak.isEmpty()) {
          batch.clear();
          while (batch.size() < FETCH && (more = rows.next())) {
            batch.add(
                new Sealed(
                    rows.getLong(1), rows.getBytes(2), rows.getBytes(3), AuditRows.entry(rows, 4)));
          }
          Long[] ids =
              batch.stream()
                  .filter(s -> s.entry() != null)
                  .map(s -> s.entry().id())
                  .toArray(Long[]::new);
          Map<Long, List<AuditChain.StoredValue>> values = AuditRows.values(connection, ids);
          for (Sealed seal : batch) {
            firstBreak = check(seal, expected, previous, values);
            if (firstBreak.isEmpty()
                && known.isPresent()
                && known.get().position() == expected
                && !Arrays.equals(known.get().hash(), seal.hash())) {
              firstBreak = Optional.of(new Break(expected, "audit.head-mismatch"));
            }
            if (firstBreak.isPresent()) {
              break;
            }
            previous = seal.hash();
            expected++;
          }
        }
      }
    }
    long sealed = expected - 1;
    if (firstBreak.isEmpty() && known.isPresent() && known.get().position() > sealed) {
      firstBreak = Optional.of(new Break(expected, "audit.missing"));
    }
    long pending =
        count(
            connection,
            "SELECT coalesce(sum(cardinality(entry_ids)), 0) FROM relata.audit_pending");
    if (firstBreak.isEmpty()
        && count(
                connection,
                "WITH queued AS MATERIALIZED"
                    + " (SELECT unnest(entry_ids) AS id FROM relata.audit_pending)"
                    + " SELECT count(*) FROM relata.audit_entry e"
                    + " WHERE NOT EXISTS (SELECT 1 FROM relata.audit_seal s WHERE s.entry_id = e.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM queued q WHERE q.id = e.id)")
            > 0) {
      firstBreak = Optional.of(new Break(expected, "audit.outside-chain"));
    }
    return new Verification(sealed, pending, previous, firstBreak);
  }

  private record Sealed(
      long position, byte[] valuesDigest, byte[] hash, AuditChain.StoredEntry entry) {}

  private static Optional<Break> check(
      Sealed seal, long expected, byte[] previous, Map<Long, List<AuditChain.StoredValue>> values) {
    if (seal.position() != expected) {
      return Optional.of(new Break(expected, "audit.missing"));
    }
    if (seal.entry() == null) {
      return Optional.of(new Break(expected, "audit.entry-deleted"));
    }
    List<AuditChain.StoredValue> stored = values.getOrDefault(seal.entry().id(), List.of());
    if (!Arrays.equals(AuditChain.valuesDigest(stored), seal.valuesDigest())) {
      return Optional.of(new Break(expected, "audit.values-changed"));
    }
    if (!Arrays.equals(AuditChain.link(previous, seal.entry(), seal.valuesDigest()), seal.hash())) {
      return Optional.of(new Break(expected, "audit.entry-changed"));
    }
    return Optional.empty();
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
