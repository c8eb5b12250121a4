package io.relata.platform.job;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.RelataProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across nodes: two {@code relata.jar} processes on one PostgreSQL run 10,000 durable
 * jobs (date automations that count their runs on their record), and one of them is killed with
 * SIGKILL while they run. The other finishes the work: every job is done, none dead, and every
 * record counted exactly one run — no job ran twice, none was lost.
 */
class TwoNodeJobsIT {

  private static final int JOBS = 10_000;
  private static final String PASSWORD = "two-nodes-pass";

  private final Path work = Path.of(System.getProperty("relata.test.work"), "two-nodes");

  @Test
  void tenThousandJobsRunOnceEachWhenOneOfTwoNodesIsKilled() throws Exception {
    RelataProcess.deleteTree(work);
    try (EmbeddedPostgres database =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("pgdata"))
            .setCleanDataDirectory(true)
            .start()) {
      Map<String, String> env =
          Map.of(
              "RELATA_ADMIN_PASSWORD",
              PASSWORD,
              "RELATA_DB_URL",
              database.getJdbcUrl("postgres", "postgres"),
              "RELATA_DB_USER",
              "postgres",
              "RELATA_DB_PASSWORD",
              "postgres");
      try (RelataProcess first = RelataProcess.start(work.resolve("a"), env)) {
        assertTrue(first.awaitReady(Duration.ofMinutes(4)), first::output);
        ApiClient api = ApiClient.signIn(new URL(first.uri("/").toString()), "admin", PASSWORD);
        define(api);
        // the dates lie far ahead: the jobs wait until both nodes are up, then come due at once
        HttpResponse<String> imported =
            api.sendBytes(
                "POST",
                "api/v1/records/probe/import?mode=all-or-nothing",
                rows().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "text/csv");
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(
            JOBS,
            count(
                database,
                "SELECT count(*) FROM relata.job WHERE kind = 'date-automation' AND state = 'ready'"));

        try (RelataProcess second = RelataProcess.start(work.resolve("b"), env)) {
          assertTrue(second.awaitReady(Duration.ofMinutes(4)), second::output);
          execute(database, "UPDATE relata.job SET run_at = now(); NOTIFY relata_job");
          long done = awaitDone(database, 1_500, Duration.ofMinutes(3));
          assertTrue(done >= 1_500 && done < JOBS, "killed mid-run, after " + done + " jobs");
          first.killServer();
          assertTrue(first.awaitExit(Duration.ofMinutes(2)) != null, first::output);

          assertEquals(JOBS, awaitDone(database, JOBS, Duration.ofMinutes(5)), second::output);
          assertEquals(
              0,
              count(
                  database,
                  "SELECT count(*) FROM relata.job WHERE kind = 'date-automation'"
                      + " AND state <> 'done'"));
          // the automation's plan for the records before it (none) is a job of its own
          assertEquals(0, count(database, "SELECT count(*) FROM relata.job WHERE state <> 'done'"));
          assertEquals(
              0,
              count(database, "SELECT count(*) FROM records.probe WHERE runs IS DISTINCT FROM 1"),
              "every record counted exactly one run");
          assertEquals(JOBS, count(database, "SELECT count(*) FROM records.probe"));
          assertEquals(
              2,
              count(
                  database,
                  "SELECT count(DISTINCT ran_on) FROM relata.job WHERE kind = 'date-automation'"),
              "both nodes ran jobs");
          System.out.printf(
              "TwoNodeJobsIT: first node killed after %d of %d jobs were done; jobs per node: %s%n",
              done,
              JOBS,
              text(
                  database,
                  "SELECT string_agg(n::text, ' + ' ORDER BY n DESC) FROM"
                      + " (SELECT count(*) AS n FROM relata.job WHERE kind = 'date-automation' GROUP BY ran_on) AS nodes"));
        }
      }
    }
  }

  private static void define(ApiClient api) throws Exception {
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/objects/probe",
            "{\"label\":\"Probe\",\"nameField\":\"title\",\"fields\":["
                + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"due\",\"label\":\"Due\",\"type\":\"datetime\"},"
                + "{\"name\":\"runs\",\"label\":\"Runs\",\"type\":\"number\","
                + "\"precision\":12,\"scale\":0}]}"));
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/automations/count_runs",
            "{\"label\":\"Count runs\",\"object\":\"probe\","
                + "\"trigger\":{\"type\":\"date\",\"field\":\"due\",\"offset\":\"PT0M\"},"
                + "\"actions\":[{\"type\":\"set\",\"formulas\":{\"runs\":\"runs + 1\"}}]}"));
  }

  private static String rows() {
    StringBuilder csv = new StringBuilder("title,due,runs\n");
    for (int i = 1; i <= JOBS; i++) {
      csv.append("Probe ").append(i).append(",2030-01-01T00:00:00Z,0\n");
    }
    return csv.toString();
  }

  /** Polls until {@code wanted} jobs are done or time is up; answers how many are. */
  private static long awaitDone(EmbeddedPostgres database, long wanted, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long done = 0;
    while (System.nanoTime() < deadline) {
      done =
          count(
              database,
              "SELECT count(*) FROM relata.job WHERE kind = 'date-automation' AND state = 'done'");
      if (done >= wanted) {
        break;
      }
      // a pause between polls, so that polling leaves the two cores to the nodes
      execute(database, "SELECT pg_sleep(0.05)");
    }
    return done;
  }

  private static long count(EmbeddedPostgres database, String sql) throws Exception {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String text(EmbeddedPostgres database, String sql) throws Exception {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(EmbeddedPostgres database, String sql) throws Exception {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    json(answer.body());
  }
}
