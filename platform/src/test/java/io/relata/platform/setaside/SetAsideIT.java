package io.relata.platform.setaside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.Fixtures;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.problem.Problem;
import io.relata.platform.identity.Actor;
import io.relata.platform.schema.JdbcTableStats;
import io.relata.platform.schema.SchemaMigrator;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.testing.MigratedPostgres;
import io.relata.platform.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fields and objects deleted by a change on real PostgreSQL: kept with every value, restored as
 * they were (links to records deleted meanwhile cleared, a required field's gaps filled), and
 * erased by the purge once their 15 days are over, not a minute before.
 */
class SetAsideIT {

  private static final String ACCOUNT =
      "{'name':'account','label':'Account','nameField':'account_name','fields':["
          + "{'name':'account_name','label':'Name','type':'text'}]}";

  private static final String PROJECT =
      "{'name':'project','label':'Project','nameField':'title','fields':["
          + "{'name':'title','label':'Title','type':'text'},"
          + "{'name':'tier','label':'Tier','type':'text','required':true,'indexed':true,"
          + "'defaultValue':'bronze'},"
          + "{'name':'budget','label':'Budget','type':'currency','perRecord':true},"
          + "{'name':'code','label':'Code','type':'auto-number','format':'P-{0000}'},"
          + "{'name':'client','label':'Client','type':'lookup','target':'account'}]}";

  private static final String NOTE =
      "{'name':'note','label':'Note','nameField':'subject','fields':["
          + "{'name':'subject','label':'Subject','type':'text'},"
          + "{'name':'about','label':'About','type':'about'}]}";

  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  private static MigratedPostgres postgres;
  private static DataSource db;
  private static final MutableClock CLOCK = new MutableClock(START);

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start();
    db = postgres.dataSource();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aDeletedFieldComesBackWithEveryValueAndTheDeletedObjectWithEveryRecord() throws Exception {
    CompiledModel model =
        change(CompiledModel.empty(), json(ACCOUNT), json(PROJECT), json(NOTE)).model();
    execute(
        "INSERT INTO records.account (id, owner_id, created_at, created_by, updated_at, updated_by,"
            + " account_name) SELECT ('00000000-0000-0000-0000-' || lpad(n::text, 12, '0'))::uuid,"
            + " gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(), 'Client ' || n"
            + " FROM generate_series(1, 3) n");
    execute(
        "INSERT INTO records.project (id, owner_id, created_at, created_by, updated_at, updated_by,"
            + " title, tier, budget, budget_currency, client, code) SELECT gen_random_uuid(),"
            + " gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(),"
            + " 'Project ' || n, 'tier ' || (n % 4), n * 100, 'SEK',"
            + " ('00000000-0000-0000-0000-' || lpad((n % 3 + 1)::text, 12, '0'))::uuid, n"
            + " FROM generate_series(1, 60) n");
    execute(
        "INSERT INTO records.note (id, owner_id, created_at, created_by, updated_at, updated_by,"
            + " subject, about) SELECT gen_random_uuid(), gen_random_uuid(), now(),"
            + " gen_random_uuid(), now(), gen_random_uuid(), 'About ' || title,"
            + " jsonb_build_object('object', 'project', 'id', id) FROM records.project");
    String values = fieldValues();

    // revision 2 deletes four fields: every one kept, the project's saves unhindered
    ObjectNode slim = json(PROJECT);
    for (int i = 4; i > 0; i--) {
      ((ArrayNode) slim.get("fields")).remove(i);
    }
    Applied deleted = change(model, json(ACCOUNT), slim, json(NOTE));
    long deletion = deleted.model().revision();
    assertTrue(deleted.plan().destructive());
    assertEquals(
        List.of(
            "_aside_2_budget",
            "_aside_2_budget_currency",
            "_aside_2_client",
            "_aside_2_code",
            "_aside_2_tier"),
        strings(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'project'"
                + " AND column_name LIKE '\\_aside%' ORDER BY 1"));
    assertEquals(
        1, count("SELECT count(*) FROM pg_class WHERE relname = 'project__aside_2_code_seq'"));
    assertEquals(
        List.of("budget", "client", "code", "tier"),
        strings("SELECT field FROM relata.set_aside ORDER BY field"));
    assertEquals(60, count("SELECT row_count FROM relata.set_aside WHERE field = 'tier'"));
    assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE indexname = 'project_tier_idx'"));
    execute(
        "INSERT INTO records.project (id, owner_id, created_at, created_by, updated_at, updated_by,"
            + " title) VALUES (gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(),"
            + " now(), gen_random_uuid(), 'Saved meanwhile')");
    execute("DELETE FROM records.account WHERE id = '00000000-0000-0000-0000-000000000003'");

    // revision 3 restores all four, as a revert marks them
    ObjectNode restoring = json(PROJECT);
    for (JsonNode field : restoring.get("fields")) {
      if (!field.path("name").asText().equals("title")) {
        ((ObjectNode) field).put("restoredFrom", deletion);
      }
    }
    Applied restored = change(deleted.model(), json(ACCOUNT), restoring, json(NOTE));

    assertFalse(restored.plan().destructive());
    assertEquals(
        List.of(
            "schema.restore-column",
            "schema.fill-empty",
            "schema.set-not-null",
            "schema.create-index",
            "schema.restore-column",
            "schema.restore-column",
            "schema.restore-column",
            "schema.clear-dangling",
            "schema.create-index"),
        restored.plan().steps().stream()
            .map(s -> s.code())
            .filter(c -> !c.contains("search") && !c.contains("foreign-key"))
            .toList());
    // every value is back; the record saved meanwhile has the default, and no link to a record
    // deleted meanwhile remains
    assertEquals(
        values.replace("00000000-0000-0000-0000-000000000003", ""),
        fieldValues(),
        "every value as it was, but links to a record deleted meanwhile");
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM records.project WHERE title = 'Saved meanwhile' AND tier = 'bronze'"));
    assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE indexname = 'project_tier_idx'"));
    assertEquals(0, count("SELECT count(*) FROM relata.set_aside"));
    assertEquals(1, count("SELECT count(*) FROM pg_class WHERE relname = 'project_code_seq'"));

    // revision 4 deletes the object: its table and the notes about its records stay
    Applied gone = change(restored.model(), json(ACCOUNT), json(NOTE));
    assertEquals(61, count("SELECT count(*) FROM records.project"));
    assertEquals(60, count("SELECT count(*) FROM records.note"));
    List<ObjectNode> again = List.of(json(ACCOUNT), json(NOTE), json(PROJECT));
    assertEquals(
        Map.of("project", List.of(Problem.at("/name", "object.name-set-aside", "project", 4))),
        plan(gone.model(), again).refused(),
        "its name stays taken until it is restored or erased");
    ObjectNode back = json(PROJECT);
    back.put("restoredFrom", gone.model().revision());
    Applied undeleted = change(gone.model(), json(ACCOUNT), json(NOTE), back);
    assertEquals(61, count("SELECT count(*) FROM records.project"));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM information_schema.table_constraints"
                + " WHERE constraint_name = 'project_client_fkey'"));

    // the purge erases a deletion after its 15 days, and not before
    Applied late = change(undeleted.model(), json(ACCOUNT), slim, json(NOTE));
    Applied later = change(late.model(), json(ACCOUNT), json(NOTE));
    // what the platform keeps about its records: a share, a service-level clock
    execute(
        "INSERT INTO relata.user_group (id, name, label, created_at)"
            + " VALUES (gen_random_uuid(), 'project_team', 'Project team', now())");
    execute(
        "INSERT INTO relata.record_share"
            + " (object, record_id, group_id, access, reason, created_by, created_at)"
            + " SELECT 'project', id, (SELECT id FROM relata.user_group WHERE name = 'project_team'),"
            + " 'read', 'manual', gen_random_uuid(), now() FROM records.project LIMIT 3");
    execute(
        "INSERT INTO relata.sla_clock (policy, object, record_id, started_at)"
            + " SELECT 'reply', 'project', id, now() FROM records.project LIMIT 2");
    SetAsidePurge purge = new SetAsidePurge(db, CLOCK, () -> later.model());
    CLOCK.advance(Duration.ofDays(15).minusMinutes(1));
    assertEquals(0, purge.purge());
    assertEquals(5, count("SELECT count(*) FROM relata.set_aside"));
    assertEquals(
        3,
        count("SELECT count(*) FROM relata.record_share WHERE object = 'project'"),
        "kept while the object may come back");
    CLOCK.advance(Duration.ofMinutes(2));
    assertEquals(1, purge.purge(), "the object; its fields' entries go with its table");
    assertEquals(0, count("SELECT count(*) FROM relata.set_aside"));
    assertEquals(
        0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'project'"));
    assertEquals(0, count("SELECT count(*) FROM records.note"), "nothing about its records left");
    assertEquals(
        0,
        count(
            "SELECT (SELECT count(*) FROM relata.record_share WHERE object = 'project')"
                + " + (SELECT count(*) FROM relata.sla_clock WHERE object = 'project')"),
        "nor of the platform's rows about them");
    assertEquals(
        1,
        count("SELECT count(*) FROM relata.audit_entry WHERE action = 'metadata.erase'"),
        "the erasure is in the audit");
    SchemaPlan fresh = plan(later.model(), again);
    assertEquals(Map.of(), fresh.refused(), "the name is free again");
  }

  /** The fields of every project but the one saved meanwhile, one line each in title order. */
  private static String fieldValues() throws SQLException {
    return String.join(
        "\n",
        strings(
            "SELECT concat_ws('|', title, coalesce(tier, ''), coalesce(budget::text, ''),"
                + " coalesce(budget_currency, ''), coalesce(client::text, ''),"
                + " coalesce(code::text, '')) FROM records.project"
                + " WHERE title <> 'Saved meanwhile' ORDER BY title"));
  }

  private record Applied(CompiledModel model, SchemaPlan plan) {}

  private static ObjectNode json(String text) {
    return (ObjectNode) Fixtures.json(text);
  }

  private static ModelCompiler.Result compile(CompiledModel before, List<ObjectNode> documents) {
    ModelCompiler.Result after =
        ModelCompiler.compile(before.revision() + 1, new ArrayList<JsonNode>(documents));
    assertTrue(after.ok(), after.problems().toString());
    return after;
  }

  private static SchemaPlan plan(CompiledModel before, List<ObjectNode> documents)
      throws SQLException {
    ModelCompiler.Result after = compile(before, documents);
    try (Connection connection = db.getConnection()) {
      return SchemaPlanner.plan(
          after.model().revision(),
          ModelDiff.between(List.copyOf(before.objects()), after.submitted()),
          after.submitted(),
          new JdbcTableStats(connection));
    }
  }

  /** Plans and applies a change as the metadata engine does, with its revision and the register. */
  private static Applied change(CompiledModel before, ObjectNode... documents) throws SQLException {
    ModelCompiler.Result after = compile(before, List.of(documents));
    long revision = after.model().revision();
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      SchemaPlan plan =
          SchemaPlanner.plan(
              revision,
              ModelDiff.between(List.copyOf(before.objects()), after.submitted()),
              after.submitted(),
              new JdbcTableStats(connection));
      assertEquals(Map.of(), plan.refused());
      SchemaMigrator.apply(connection, plan, true);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO relata.metadata_revision (number, created_at, author_id, documents)"
                  + " VALUES (?, ?, ?, '{}'::jsonb)")) {
        insert.setLong(1, revision);
        insert.setObject(2, OffsetDateTime.ofInstant(CLOCK.instant(), CLOCK.getZone()));
        insert.setObject(3, Actor.PLATFORM_ID);
        insert.executeUpdate();
      }
      new SetAsideRegister().applied(connection, before, after.model(), plan);
      connection.commit();
      return new Applied(after.model(), plan);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        found.add(result.getString(1));
      }
    }
    return found;
  }
}
