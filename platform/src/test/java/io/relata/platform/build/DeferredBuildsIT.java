package io.relata.platform.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.Fixtures;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.platform.job.JobHandlers;
import io.relata.platform.job.JobQueue;
import io.relata.platform.schema.JdbcTableStats;
import io.relata.platform.schema.SchemaMigrator;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.schema.SchemaStep;
import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A field added to and one taken from an object of more rows than the planner builds in a change:
 * the change commits without the index and with the old search words, and the jobs it queued build
 * the index while writers go on, and compute the words again.
 */
class DeferredBuildsIT {

  private static final int ROWS = (int) SchemaPlanner.DEFER_ROWS + 500;

  private static MigratedPostgres postgres;
  private static DataSource db;

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
  void aChangeOnALargeTableLeavesItsIndexAndSearchWordsToJobsThatLetWritersGoOn() throws Exception {
    ObjectNode before =
        (ObjectNode)
            Fixtures.json(
                "{'name':'account','label':'Account','nameField':'account_name','fields':["
                    + "{'name':'account_name','label':'Name','type':'text'},"
                    + "{'name':'notes','label':'Notes','type':'long-text'}]}");
    CompiledModel first = change(CompiledModel.empty(), before);
    execute(
        "INSERT INTO records.account (id, owner_id, created_at, created_by, updated_at,"
            + " updated_by, account_name, notes) SELECT gen_random_uuid(), gen_random_uuid(),"
            + " now(), gen_random_uuid(), now(), gen_random_uuid(), 'Acme ' || n, 'whisper'"
            + " FROM generate_series(1, "
            + ROWS
            + ") n");
    assertEquals(ROWS, count("_search @@ to_tsquery('simple', 'whisper')"), "kept on insert");

    ObjectNode after = before.deepCopy();
    ((ArrayNode) after.get("fields")).remove(1);
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "employees")
        .put("label", "Employees")
        .put("type", "number")
        .put("indexed", true);
    AtomicReference<CompiledModel> current = new AtomicReference<>(first);
    JobQueue enqueuing = new JobQueue(db, Clock.systemUTC(), new JobHandlers(List.of()));
    JobQueue jobs =
        new JobQueue(
            db,
            Clock.systemUTC(),
            new JobHandlers(
                List.of(
                    new IndexBuild(db, current::get), new SearchRefresh(current::get, enqueuing))));
    SchemaPlan plan = change(first, after, current);

    assertEquals(
        List.of("schema.build-index", "schema.refresh-search-later"),
        plan.steps().stream()
            .filter(SchemaStep::deferred)
            .map(SchemaStep::code)
            .collect(Collectors.toList()));
    assertFalse(index("account_employees_idx"), "not built in the change");
    assertEquals(ROWS, count("_search @@ to_tsquery('simple', 'whisper')"), "nor the words");

    // a reader's old snapshot holds the build in its last wait, after it has read the table
    try (Connection reader = db.getConnection()) {
      reader.setAutoCommit(false);
      try (Statement statement = reader.createStatement()) {
        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        statement.executeQuery("SELECT count(*) FROM relata.job").close();
      }
      CompletableFuture<Integer> build =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return jobs.runNext() ? 1 : 0;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      while (count("pg_stat_progress_create_index", "true") == 0) {
        assertFalse(build.isDone(), "the build waits for the reader");
        Thread.onSpinWait();
      }
      execute(
          "INSERT INTO records.account (id, owner_id, created_at, created_by, updated_at,"
              + " updated_by, account_name, employees) VALUES (gen_random_uuid(),"
              + " gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(),"
              + " 'Written during the build', 12)");
      assertEquals(1, count("pg_stat_progress_create_index", "true"), "still building");
      assertFalse(build.isDone());
      reader.rollback();
      assertEquals(1, build.get());
    }
    assertTrue(index("account_employees_idx"), "built, and valid");
    assertEquals(1, count("employees = 12"), "the write made during the build is in it");

    while (jobs.runNext()) {
      // the search refresh, one batch per job
    }
    assertEquals(0, count("_search @@ to_tsquery('simple', 'whisper')"), "a removed field's words");
    assertEquals(ROWS + 1, count("_search @@ to_tsquery('simple', 'acme | written')"));
  }

  /** Changes the model to {@code document}, as the metadata engine does, into {@code to}. */
  private SchemaPlan change(
      CompiledModel before, ObjectNode document, AtomicReference<CompiledModel> to)
      throws SQLException {
    ModelCompiler.Result after = ModelCompiler.compile(before.revision() + 1, List.of(document));
    assertTrue(after.ok(), after.problems().toString());
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      SchemaPlan plan =
          SchemaPlanner.plan(
              after.model().revision(),
              ModelDiff.between(List.copyOf(before.objects()), after.submitted()),
              after.submitted(),
              new JdbcTableStats(connection));
      SchemaMigrator.apply(connection, plan, true);
      new DeferredSteps(new JobQueue(db, Clock.systemUTC(), new JobHandlers(List.of())))
          .applied(connection, before, after.model(), plan);
      connection.commit();
      to.set(after.model());
      return plan;
    }
  }

  private CompiledModel change(CompiledModel before, ObjectNode document) throws SQLException {
    AtomicReference<CompiledModel> after = new AtomicReference<>();
    change(before, document, after);
    return after.get();
  }

  private static boolean index(String name) throws SQLException {
    return count(
            "pg_index x JOIN pg_class i ON i.oid = x.indexrelid",
            "i.relname = '" + name + "' AND x.indisvalid")
        == 1;
  }

  private static long count(String condition) throws SQLException {
    return count("records.account", condition);
  }

  private static long count(String from, String condition) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT count(*) FROM " + from + " WHERE " + condition)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
