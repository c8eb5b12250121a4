package io.relata.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.relata.platform.audit.AuditEntry;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.audit.AuditSealer;
import io.relata.platform.audit.AuditVerifier;
import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's role on a real PostgreSQL, after the owner migrated and granted: it writes the
 * audit and seals it, but cannot change or remove a word of it; it owns and changes record tables,
 * including those the owner made before the roles were split.
 */
class DatabaseRolesIT {

  private static final String APP = "relata_app";

  private static MigratedPostgres postgres;
  private static DataSource application;

  @BeforeAll
  static void migrateAndGrant() throws Exception {
    postgres = MigratedPostgres.start();
    try (Connection owner = postgres.dataSource().getConnection()) {
      sql(owner, "CREATE ROLE " + APP + " LOGIN");
      sql(owner, "CREATE TABLE records.before_split (id uuid PRIMARY KEY)");
      DatabaseRoles.grant(owner, APP);
      DatabaseRoles.grant(owner, APP); // it runs at every start: twice is harmless
    }
    application = postgres.dataSource(APP);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theApplicationAddsToTheAuditAndSealsItButChangesNothingInIt() throws Exception {
    try (Connection connection = application.getConnection()) {
      AuditLog.append(
          connection,
          AuditEntry.event(OffsetDateTime.now(), Optional.of(UUID.randomUUID()), "record.update")
              .on("deal", UUID.randomUUID())
              .changes(
                  List.of(
                      new AuditEntry.FieldChange(
                          "amount", IntNode.valueOf(1), IntNode.valueOf(2)))));
    }
    assertEquals(1, AuditSealer.sealPending(application, Clock.systemUTC()));
    try (Connection connection = application.getConnection()) {
      for (String forbidden :
          List.of(
              "UPDATE relata.audit_entry SET action = 'login'",
              "DELETE FROM relata.audit_entry",
              "UPDATE relata.audit_value SET after = '3'",
              "DELETE FROM relata.audit_value",
              "UPDATE relata.audit_seal SET hash = hash",
              "DELETE FROM relata.audit_seal",
              "TRUNCATE relata.audit_entry, relata.audit_value, relata.audit_seal CASCADE",
              "UPDATE relata.audit_pending SET entry_ids = entry_ids",
              "DELETE FROM relata.flyway_schema_history")) {
        SQLException refused = assertThrows(SQLException.class, () -> sql(connection, forbidden));
        assertEquals("42501", refused.getSQLState(), forbidden + ": " + refused.getMessage());
      }
      assertTrue(AuditVerifier.verify(connection).intact());
    }
  }

  @Test
  void theApplicationOwnsTheRecordTables() throws Exception {
    try (Connection connection = application.getConnection()) {
      sql(
          connection,
          "CREATE TABLE records.made_at_run_time (id uuid PRIMARY KEY,"
              + " owner_id uuid REFERENCES relata.app_user (id) ON DELETE SET NULL)");
      sql(connection, "ALTER TABLE records.made_at_run_time ADD COLUMN title text");
      sql(connection, "ALTER TABLE records.before_split ADD COLUMN title text");
      sql(connection, "INSERT INTO records.before_split (id) VALUES (gen_random_uuid())");
    }
  }

  private static void sql(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
