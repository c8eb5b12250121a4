package io.relata.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.testing.MigratedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Sealing and verifying an audit chain of 100,000 entries (a third with field values), against a
 * plain read of the same rows by JDBC as the baseline. Not a test: run with {@code ./mvnw -B -pl
 * platform -am verify -Pbench -Dit.test=AuditChainBench -Dfailsafe.failIfNoSpecifiedTests=false};
 * results in {@code platform/target/bench/audit-chain.txt}.
 */
class AuditChainBench {

  private static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);

  @Test
  void sealAndVerify() throws Exception {
    try (MigratedPostgres postgres = MigratedPostgres.start()) {
      DataSource dataSource = postgres.dataSource();
      try (Connection connection = dataSource.getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute(
            "INSERT INTO relata.audit_entry (at, actor_id, action, object, record_id, detail)"
                + " SELECT now() - g * interval '1 second', gen_random_uuid(), 'record.update',"
                + " 'deal', gen_random_uuid(), jsonb_build_object('fields', jsonb_build_array('amount'))"
                + " FROM generate_series(1, "
                + ENTRIES
                + ") g");
        sql.execute(
            "INSERT INTO relata.audit_value (entry_id, field, before, after, salt)"
                + " SELECT id, 'amount', to_jsonb(id), to_jsonb(id + 1),"
                + " decode(md5(id::text), 'hex') FROM relata.audit_entry WHERE id % 3 = 0");
        sql.execute(
            "INSERT INTO relata.audit_pending (first_id, entry_ids)"
                + " SELECT id, ARRAY[id] FROM relata.audit_entry");
        sql.execute("ANALYZE");
      }

      long sealStart = System.nanoTime();
      long sealed = AuditSealer.sealPending(dataSource, Clock.systemUTC());
      long sealNanos = System.nanoTime() - sealStart;
      assertEquals(ENTRIES, sealed);

      long readNanos = Long.MAX_VALUE;
      long verifyNanos = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long readStart = System.nanoTime();
        assertEquals(ENTRIES, readEverything(dataSource));
        readNanos = Math.min(readNanos, System.nanoTime() - readStart);
        long verifyStart = System.nanoTime();
        AuditVerifier.Verification verification;
        try (Connection connection = dataSource.getConnection()) {
          verification = AuditVerifier.verify(connection);
        }
        verifyNanos = Math.min(verifyNanos, System.nanoTime() - verifyStart);
        assertTrue(verification.intact(), verification.toString());
        assertEquals(ENTRIES, verification.sealed());
      }

      String report =
          String.format(
              Locale.ROOT,
              "machine: %d cores, Java %s%n"
                  + "%,d audit entries, a third with field values; best of 3 runs%n"
                  + "seal all (once): %.2f s%n"
                  + "read the same rows by JDBC, no hashing (baseline): %.2f s%n"
                  + "verify the whole chain: %.2f s = %.1fx the plain read%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              ENTRIES,
              sealNanos / 1e9,
              readNanos / 1e9,
              verifyNanos / 1e9,
              verifyNanos / (double) readNanos);
      Path out = Path.of("target", "bench", "audit-chain.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  /** Every sealed entry and its values, read as the verifier reads them; the entry count. */
  private static long readEverything(DataSource dataSource) throws Exception {
    long rows = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement seals =
              connection.prepareStatement(
                  "SELECT s.position, s.values_digest, s.hash, "
                      + AuditRows.ENTRY_COLUMNS
                      + " FROM relata.audit_seal s LEFT JOIN relata.audit_entry e"
                      + " ON e.id = s.entry_id ORDER BY s.position");
          PreparedStatement values =
              connection.prepareStatement(
                  "SELECT entry_id, field, before::text, after::text, salt"
                      + " FROM relata.audit_value")) {
        seals.setFetchSize(1_000);
        values.setFetchSize(1_000);
        try (ResultSet all = seals.executeQuery()) {
          while (all.next()) {
            AuditRows.entry(all, 4);
            rows++;
          }
        }
        try (ResultSet all = values.executeQuery()) {
          while (all.next()) {
            all.getString(3);
          }
        }
      }
      connection.rollback();
    }
    return rows;
  }
}
