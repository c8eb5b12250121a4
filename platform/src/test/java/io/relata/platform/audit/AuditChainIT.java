package io.relata.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit chain on a real PostgreSQL: writing, sealing, and tampering found by verifying. */
class AuditChainIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC);
  private static final UUID ALICE = UUID.fromString("0190b2a0-0000-7000-8000-000000000001");

  private static MigratedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = MigratedPostgres.start();
    dataSource = postgres.dataSource();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void emptyLog() throws SQLException {
    sql(
        "TRUNCATE relata.audit_seal, relata.audit_pending, relata.audit_value,"
            + " relata.audit_entry RESTART IDENTITY");
  }

  @Test
  void committedEntriesAreSealedOnceInOrderAndRolledBackOnesLeaveNothing() throws Exception {
    appendCommitted(40);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      AuditLog.append(connection, entry(999));
      connection.rollback();
    }
    assertIntact(0, 40, verify());

    assertEquals(40, AuditSealer.sealPending(dataSource, CLOCK));
    assertEquals(0, AuditSealer.sealPending(dataSource, CLOCK), "nothing is sealed twice");
    appendCommitted(3);
    assertEquals(3, AuditSealer.sealPending(dataSource, CLOCK));

    assertIntact(43, 0, verify());
    assertEquals(43L, number("SELECT count(*) FROM relata.audit_entry"));
    assertEquals(
        0L,
        entriesSealedAfterALaterOne(),
        "entries committed one after the other are sealed in order");
  }

  @Test
  void aWriteOfManyEntriesIsQueuedAsOneRowAndSealedWholeInTheOrderWritten() throws Exception {
    appendCommitted(2);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      // more entries than a sealer's batch, in one write
      AuditLog.appendAll(
          connection, IntStream.range(0, 1_500).mapToObj(AuditChainIT::entry).toList());
      connection.commit();
      AuditLog.appendAll(connection, List.of(entry(7), entry(8)));
      connection.rollback();
    }
    appendCommitted(1);
    assertEquals(
        4L,
        number("SELECT count(*) FROM relata.audit_pending"),
        "a queue row for each of 4 writes");
    assertIntact(0, 1_503, verify());

    assertEquals(1_503, AuditSealer.sealPending(dataSource, CLOCK));

    assertIntact(1_503, 0, verify());
    assertEquals(
        List.of(1_503L, 1_505L),
        List.of(
            number("SELECT count(*) FROM relata.audit_seal"),
            number("SELECT max(entry_id) FROM relata.audit_seal")),
        "the rolled-back write left nothing to seal");
    assertEquals(0L, entriesSealedAfterALaterOne(), "sealed in the order written");
  }

  @Test
  void anEntryQueuedTwiceIsSealedOnceAndSealingGoesOn() throws Exception {
    appendCommitted(3);
    sql("INSERT INTO relata.audit_pending (first_id, entry_ids) VALUES (100, '{2}')");
    assertEquals(3, AuditSealer.sealPending(dataSource, CLOCK));
    sql("INSERT INTO relata.audit_pending (first_id, entry_ids) VALUES (101, '{2, 3}')");
    appendCommitted(1);

    assertEquals(1, AuditSealer.sealPending(dataSource, CLOCK));

    assertIntact(4, 0, verify());
    assertEquals(
        List.of(1L, 2L, 3L, 4L),
        numbers("SELECT entry_id FROM relata.audit_seal ORDER BY position"));
  }

  @Test
  void concurrentWritersAndSealersKeepOneUnbrokenChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<Long>> work = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      work.add(
          () -> {
            appendCommitted(250);
            return 0L;
          });
    }
    for (int sealer = 0; sealer < 2; sealer++) {
      work.add(
          () -> {
            long sealed = 0;
            for (int turn = 0; turn < 50; turn++) {
              sealed += AuditSealer.sealPending(dataSource, CLOCK);
            }
            return sealed;
          });
    }
    for (Future<Long> done : pool.invokeAll(work)) {
      done.get();
    }
    pool.shutdown();
    AuditSealer.sealPending(dataSource, CLOCK);

    assertIntact(1_000, 0, verify());
  }

  @Test
  void anEditedEntryIsFoundAtItsPosition() throws Exception {
    sealed(60);
    sql("UPDATE relata.audit_entry SET detail = '{\"n\": 1}' WHERE id = 37");
    assertBreak(37, "audit.entry-changed");
  }

  @Test
  void anEditedOrRemovedValueIsFoundAtItsPosition() throws Exception {
    sealed(60);
    sql("UPDATE relata.audit_value SET after = '\"someone else\"' WHERE entry_id = 13");
    assertBreak(13, "audit.values-changed");

    emptyLog();
    sealed(60);
    sql("DELETE FROM relata.audit_value WHERE entry_id = 25");
    assertBreak(25, "audit.values-changed");
  }

  @Test
  void aDeletedEntryIsFoundAtItsPosition() throws Exception {
    sealed(60);
    sql(
        "DELETE FROM relata.audit_seal WHERE entry_id = 50",
        "DELETE FROM relata.audit_value WHERE entry_id = 50",
        "DELETE FROM relata.audit_entry WHERE id = 50");
    assertBreak(50, "audit.missing");

    emptyLog();
    sealed(60);
    sql(
        "ALTER TABLE relata.audit_seal DROP CONSTRAINT audit_seal_entry_id_fkey",
        "DELETE FROM relata.audit_value WHERE entry_id = 8",
        "DELETE FROM relata.audit_entry WHERE id = 8");
    try {
      assertBreak(8, "audit.entry-deleted");
    } finally {
      sql("TRUNCATE relata.audit_seal");
      sql(
          "ALTER TABLE relata.audit_seal ADD CONSTRAINT audit_seal_entry_id_fkey"
              + " FOREIGN KEY (entry_id) REFERENCES relata.audit_entry (id)");
    }
  }

  @Test
  void twoSwappedEntriesAreFoundAtTheFirstOfThem() throws Exception {
    sealed(60);
    sql(
        "UPDATE relata.audit_entry a SET at = b.at, actor_id = b.actor_id, action = b.action,"
            + " detail = b.detail FROM relata.audit_entry b"
            + " WHERE (a.id, b.id) IN ((20, 21), (21, 20))");
    assertBreak(20, "audit.entry-changed");
  }

  @Test
  void reorderedPositionsAndForgedHashesAreFound() throws Exception {
    sealed(60);
    sql("UPDATE relata.audit_seal SET hash = sha256(hash) WHERE position = 44");
    assertBreak(44, "audit.entry-changed");

    emptyLog();
    sealed(60);
    sql(
        "ALTER TABLE relata.audit_seal DROP CONSTRAINT audit_seal_position_positive",
        "UPDATE relata.audit_seal SET position = -position WHERE position IN (30, 31)",
        "UPDATE relata.audit_seal SET position = CASE position WHEN -30 THEN 31 ELSE 30 END"
            + " WHERE position IN (-30, -31)");
    try {
      assertBreak(30, "audit.entry-changed");
    } finally {
      sql(
          "TRUNCATE relata.audit_seal",
          "ALTER TABLE relata.audit_seal ADD CONSTRAINT audit_seal_position_positive"
              + " CHECK (position > 0)");
    }
  }

  @Test
  void anEntrySlippedInPastTheLogIsFound() throws Exception {
    sealed(10);
    sql(
        "INSERT INTO relata.audit_entry (at, action, detail)"
            + " VALUES (now(), 'record.delete', '{}')");
    AuditSealer.sealPending(dataSource, CLOCK);
    assertBreak(11, "audit.outside-chain");
  }

  private void assertBreak(long position, String reason) throws SQLException {
    AuditVerifier.Verification verification = verify();
    assertFalse(verification.intact());
    assertEquals(Optional.of(new AuditVerifier.Break(position, reason)), verification.firstBreak());
  }

  private static void sealed(int entries) throws Exception {
    appendCommitted(entries);
    AuditSealer.sealPending(dataSource, CLOCK);
    AuditVerifier.Verification verification = verify();
    assertTrue(verification.intact(), verification.toString());
  }

  /**
   * {@code count} entries, each in its own transaction; entry {@code n} (id {@code n + 1} in a
   * fresh log) has values when {@code n} is a multiple of 3, so ids 1, 4, 7, 10, 13, ….
   */
  private static void appendCommitted(int count) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        AuditLog.append(connection, entry(i));
        connection.commit();
      }
    }
  }

  private static AuditEntry entry(int n) {
    List<AuditEntry.FieldChange> changes =
        n % 3 == 0
            ? List.of(
                new AuditEntry.FieldChange("name", new TextNode("Åsa " + n), null),
                new AuditEntry.FieldChange("amount", new IntNode(n), new IntNode(n + 1)))
            : List.of();
    return new AuditEntry(
        OffsetDateTime.now(CLOCK),
        n % 5 == 0 ? Optional.empty() : Optional.of(ALICE),
        n % 3 == 0 ? "record.update" : "record.create",
        Optional.of("deal"),
        Optional.of(UUID.randomUUID()),
        JsonCodec.object().put("n", n),
        changes);
  }

  private static AuditVerifier.Verification verify() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return AuditVerifier.verify(connection);
    }
  }

  /** How many entries were sealed right after an entry with a greater id. */
  private static long entriesSealedAfterALaterOne() throws SQLException {
    return number(
        "SELECT count(*) FROM (SELECT entry_id,"
            + " lag(entry_id) OVER (ORDER BY position) AS before FROM relata.audit_seal) s"
            + " WHERE s.before > s.entry_id");
  }

  private static long number(String query) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<Long> numbers(String query) throws SQLException {
    List<Long> numbers = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(query)) {
      while (rows.next()) {
        numbers.add(rows.getLong(1));
      }
    }
    return numbers;
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String each : statements) {
        statement.execute(each);
      }
    }
  }

  private static void assertIntact(long sealed, long pending, AuditVerifier.Verification result) {
    assertEquals(
        List.of(sealed, pending, Optional.empty()),
        List.of(result.sealed(), result.pending(), result.firstBreak()));
  }
}
