package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code today()} is the user's day wherever it is evaluated: in a formula read by them, and in a
 * validation rule of a record they import, as in their filters. At 12:00 UTC, Kiritimati (UTC+14)
 * is already on the 5th of December and Etc/GMT+12 (UTC-12) still on the 4th; the server's clock
 * says UTC.
 */
class UsersZoneIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

  private static RecordsOnPostgres postgres;
  private static Actor admin;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'note','label':'Note','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'due','label':'Due','type':'date'},"
                        + "{'name':'due_today','label':'Due today','type':'formula',"
                        + "'expression':'due = today()','resultType':'boolean'}],"
                        + "'validationRules':[{'name':'not_past','condition':"
                        + "'due = null or due >= today()','message':'Not in the past.',"
                        + "'field':'due'}]}")),
            List.of(),
            CLOCK);
    admin = postgres.user("admin", "administrator");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aFormulaReadsTodayInTheReadersZone() throws Exception {
    RecordService records = postgres.service(List.of());
    livesIn("Pacific/Kiritimati");
    UUID id =
        records
            .create(
                postgres.context(admin),
                "note",
                RecordInput.fromJson(json("{'title':'Due','due':'2026-12-05'}")))
            .id();
    assertTrue(
        records.read(admin, "note", id, List.of()).json().get("due_today").booleanValue(),
        "the 5th is today in Kiritimati");
    livesIn("Etc/GMT+12");
    RecordQuery all =
        new RecordQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            50,
            Optional.empty(),
            List.of(),
            false);
    assertFalse(
        records.list(admin, "note", all, false).items().get(0).get("due_today").booleanValue(),
        "the 5th is tomorrow west of the date line");
  }

  @Test
  void anImportChecksRulesInTheImportersZone() throws Exception {
    RecordService records = postgres.service(List.of());
    livesIn("Pacific/Kiritimati");
    RecordService.ImportResult result =
        records.importRecords(
            admin,
            "note",
            List.of(ImportRow.of(1, json("{'title':'Yesterday there','due':'2026-12-04'}")))
                .iterator(),
            new ImportSettings(false, false, Optional.empty(), 0, 100),
            (connection, done, written, failed, errors) -> {});
    assertEquals(0, result.written(), "the 4th is yesterday in Kiritimati");
    assertEquals("/due", result.errors().get(0).details().get(0).pointer());
  }

  private static void livesIn(String zone) throws Exception {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE relata.app_user SET time_zone = ? WHERE id = ?")) {
      update.setString(1, zone);
      update.setObject(2, admin.id());
      assertEquals(1, update.executeUpdate());
    }
  }
}
