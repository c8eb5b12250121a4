package io.relata.platform.schema;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema migrator on a real PostgreSQL, with the fixed tables migrated by Flyway. */
class SchemaMigratorIT {

  private static MigratedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = MigratedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void emptyRecordsSchema() throws SQLException {
    execute("DROP SCHEMA records CASCADE", "CREATE SCHEMA records");
  }

  @Test
  void createsATableWithAColumnOfEveryFieldType() throws Exception {
    List<ObjectDefinition> model = fixtures();
    SchemaPlan plan = apply(List.of(), model, false);

    assertFalse(plan.destructive());
    Map<String, String> columns = columns("opportunity");
    assertEquals("character varying(120)", columns.get("title"));
    assertEquals("text", columns.get("notes"));
    assertEquals("numeric(10,0)", columns.get("quantity"));
    assertEquals("numeric(18,2)", columns.get("amount"));
    assertEquals("character(3)", columns.get("local_amount_currency"));
    assertEquals("numeric(5,1)", columns.get("discount"));
    assertEquals("boolean", columns.get("strategic"));
    assertEquals("date", columns.get("close_date"));
    assertEquals("timestamp with time zone", columns.get("last_contacted"));
    assertEquals("text[]", columns.get("regions"));
    assertEquals("uuid", columns.get("account"));
    assertEquals("uuid", columns.get("reviewer"));
    assertEquals("text", columns.get("number"));
    assertEquals("text", columns.get("stage"));
    assertEquals("jsonb", columns.get("extra"));
    assertFalse(columns.containsKey("weighted_amount"), "formulas are computed, not stored");
    assertTrue(
        columns
            .keySet()
            .containsAll(List.of("id", "owner_id", "created_at", "version", "deleted_at")));
    assertEquals(
        List.of(
            "line_item_opportunity_fkey",
            "opportunity_account_fkey",
            "opportunity_partner_fkey",
            "opportunity_reviewer_fkey"),
        query(
            "select conname from pg_constraint where contype = 'f' and connamespace = 'records'::regnamespace order by 1"));
    assertTrue(
        query("select indexname from pg_indexes where schemaname = 'records'")
            .contains("opportunity_open_deals_view"));
  }

  @Test
  void addsRenamesRetypesAndDropsFieldsOnATableHolding100000Rows() throws Exception {
    ObjectNode doc = object("account");
    apply(List.of(), List.of(definition(doc)), false);
    execute(
        "insert into records.account (id, owner_id, created_at, created_by, updated_at, updated_by, account_name)"
            + " select gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(),"
            + " 'Account ' || n from generate_series(1, 100000) n");

    ObjectNode added = doc.deepCopy();
    ((ArrayNode) added.get("fields"))
        .addObject()
        .put("name", "industry")
        .put("label", "Industry")
        .put("type", "text")
        .put("indexed", true);
    ((ArrayNode) added.get("fields"))
        .addObject()
        .put("name", "tier")
        .put("label", "Tier")
        .put("type", "number")
        .put("required", true)
        .put("defaultValue", 3);
    apply(List.of(definition(doc)), List.of(definition(added)), false);
    assertEquals(
        List.of("100000"),
        query("select count(*) from records.account where tier = 3 and industry is null"));

    ObjectNode renamed = added.deepCopy();
    field(renamed, "account_name").put("name", "company_name").put("renamedFrom", "account_name");
    renamed.put("nameField", "company_name");
    SchemaPlan rename = apply(List.of(definition(added)), List.of(definition(renamed)), false);
    assertFalse(rename.destructive());
    assertEquals(
        List.of("100000"), query("select count(distinct company_name) from records.account"));

    ObjectNode longer = renamed.deepCopy();
    field(longer, "company_name").put("type", "long-text");
    apply(List.of(definition(renamed)), List.of(definition(longer)), false);
    assertEquals("text", columns("account").get("company_name"));

    ObjectNode tooShort = longer.deepCopy();
    field(tooShort, "company_name").put("type", "text").put("maxLength", 5);
    SchemaPlan refused = plan(List.of(definition(longer)), List.of(definition(tooShort)));
    assertEquals(
        Map.of(
            "account",
            List.of(
                Problem.at(
                    "/fields/0/type",
                    "field.values-too-long",
                    "long-text",
                    "text",
                    "text",
                    "varchar(5)"))),
        refused.refused());

    ObjectNode unique = longer.deepCopy();
    field(unique, "tier").put("unique", true);
    assertEquals(
        Map.of(
            "account", List.of(Problem.at("/fields/2/unique", "field.values-not-unique", 100000))),
        plan(List.of(definition(longer)), List.of(definition(unique))).refused());

    ObjectNode dropped = longer.deepCopy();
    ((ArrayNode) dropped.get("fields")).remove(2);
    SchemaPlan drop = plan(List.of(definition(longer)), List.of(definition(dropped)));
    assertTrue(drop.destructive());
    assertEquals(
        new SchemaStep(
            "ALTER TABLE \"records\".\"account\" RENAME COLUMN \"tier\" TO \"_aside_2_tier\"",
            SchemaPlanner.SET_ASIDE_COLUMN,
            List.of("account", "tier", "100000"),
            true),
        drop.steps().stream()
            .filter(step -> step.code().equals(SchemaPlanner.SET_ASIDE_COLUMN))
            .findFirst()
            .orElseThrow());
    assertThrows(
        IllegalStateException.class,
        () -> apply(List.of(definition(longer)), List.of(definition(dropped)), false),
        "unconfirmed");
    apply(List.of(definition(longer)), List.of(definition(dropped)), true);
    assertFalse(columns("account").containsKey("tier"));
    assertEquals(
        List.of("100000"),
        query("select count(\"_aside_2_tier\") from records.account"),
        "kept aside, every value");
  }

  @Test
  void refusesConversionsThatCouldLoseData() throws Exception {
    ObjectNode doc = object("line_item");
    apply(
        List.of(),
        List.of(definition(object("account")), definition(object("opportunity")), definition(doc)),
        false);
    ObjectNode retyped = doc.deepCopy();
    field(retyped, "price").put("type", "boolean").remove("currency");

    SchemaPlan plan = plan(List.of(definition(doc)), List.of(definition(retyped)));

    assertEquals(
        Map.of(
            "line_item",
            List.of(
                Problem.at(
                    "/fields/2/type",
                    "field.unsafe-retype",
                    "currency",
                    "boolean",
                    "numeric(18,2)",
                    "boolean"))),
        plan.refused());
  }

  @Test
  void aFailureInTheMiddleOfAChangeLeavesNothingBehind() throws Exception {
    List<ObjectDefinition> before = List.of(definition(object("account")));
    apply(List.of(), before, false);
    Map<String, String> columnsBefore = columns("account");
    List<String> indexesBefore =
        query("select indexname from pg_indexes where schemaname = 'records' order by 1");

    ObjectNode changed = object("account");
    ((ArrayNode) changed.get("fields"))
        .addObject()
        .put("name", "industry")
        .put("label", "Industry")
        .put("type", "text")
        .put("unique", true);
    List<ObjectDefinition> after =
        List.of(
            definition(changed),
            definition(object("opportunity")),
            definition(object("line_item")));
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SchemaPlan plan =
          SchemaPlanner.plan(
              2, ModelDiff.between(before, after), after, new JdbcTableStats(connection));
      List<SchemaStep> steps = new ArrayList<>(plan.steps());
      steps.add(steps.size() / 2, SchemaStep.of("SELECT 1 / 0", "test.failure"));
      SchemaPlan failing = new SchemaPlan(steps, Map.of());
      assertThrows(SQLException.class, () -> SchemaMigrator.apply(connection, failing, false));
      connection.rollback();
    }

    assertEquals(columnsBefore, columns("account"));
    assertEquals(
        indexesBefore,
        query("select indexname from pg_indexes where schemaname = 'records' order by 1"));
    assertEquals(
        List.of("account"),
        query("select table_name from information_schema.tables where table_schema = 'records'"));
  }

  private static List<ObjectDefinition> fixtures() {
    return List.of(
        definition(object("account")),
        definition(object("opportunity")),
        definition(object("line_item")));
  }

  /** Diff, plan and apply in one transaction, as a metadata revision will. */
  private static SchemaPlan apply(
      List<ObjectDefinition> before, List<ObjectDefinition> after, boolean confirmed)
      throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        SchemaPlan plan =
            SchemaPlanner.plan(
                2, ModelDiff.between(before, after), after, new JdbcTableStats(connection));
        assertEquals(Map.of(), plan.refused());
        SchemaMigrator.apply(connection, plan, confirmed);
        connection.commit();
        return plan;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static SchemaPlan plan(List<ObjectDefinition> before, List<ObjectDefinition> after)
      throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection()) {
      return SchemaPlanner.plan(
          2, ModelDiff.between(before, after), after, new JdbcTableStats(connection));
    }
  }

  private static Map<String, String> columns(String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection connection = postgres.dataSource().getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a"
                        + " where a.attrelid = 'records."
                        + table
                        + "'::regclass and a.attnum > 0 and not a.attisdropped"
                        + " order by a.attnum")) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(2));
      }
    }
    return columns;
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = postgres.dataSource().getConnection();
        ResultSet rs = connection.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static void execute(String... sql) throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }
}
