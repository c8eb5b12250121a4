package io.relata.platform.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relata.metadata.condition.ConditionParser;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.platform.query.RecordQuery;
import io.relata.testing.ApiClient;
import io.relata.testing.BenchReport;
import io.relata.testing.Deployments;
import io.relata.testing.PlainHttp;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * The records benchmarks of the records issue, inside the real server on the build's PostgreSQL,
 * each against a raw-SQL baseline measured in the same run. Not tests: run one with {@code ./mvnw
 * -B -pl ui -am verify -Pbench -Dit.test='RecordsBench#listQuery'
 * -Dfailsafe.failIfNoSpecifiedTests=false} (or {@code #csvImport}, {@code #concurrentCreate}).
 * Figures go to {@code ui/target/bench/}.
 */
@ExtendWith(ArquillianExtension.class)
class RecordsBench {

  private static final int ROWS = 1_000_000;
  private static final String FIELDS =
      "\"fields\": [{\"name\": \"name\", \"label\": \"Name\", \"type\": \"text\", \"maxLength\": 100, \"required\": true},"
          + " {\"name\": \"status\", \"label\": \"Status\", \"type\": \"picklist\", \"indexed\": true, \"values\": ["
          + "{\"name\": \"s0\", \"label\": \"0\"}, {\"name\": \"s1\", \"label\": \"1\"}, {\"name\": \"s2\", \"label\": \"2\"},"
          + " {\"name\": \"s3\", \"label\": \"3\"}, {\"name\": \"s4\", \"label\": \"4\"}, {\"name\": \"s5\", \"label\": \"5\"},"
          + " {\"name\": \"s6\", \"label\": \"6\"}, {\"name\": \"s7\", \"label\": \"7\"}, {\"name\": \"s8\", \"label\": \"8\"},"
          + " {\"name\": \"s9\", \"label\": \"9\"}]},"
          + " {\"name\": \"amount\", \"label\": \"Amount\", \"type\": \"number\", \"precision\": 12, \"scale\": 2, \"indexed\": true, \"min\": 0}]";

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(RecordsBench.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private RecordService records;
  @Inject private Clock clock;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/relata")
  private DataSource dataSource;

  private ApiClient api;
  private Actor actor;
  private String token;

  @BeforeEach
  void signIn() throws Exception {
    String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    User user =
        new User(username, passwords.hash("s3cret-pass".toCharArray()), OffsetDateTime.now(clock));
    users.add(user);
    users.assignPermissionSet(user.id(), io.relata.metadata.access.PermissionSet.ADMINISTRATOR);
    actor = new Actor(user.id(), username);
    api = ApiClient.signIn(base, username, "s3cret-pass");
    token = api.token();
  }

  /** Filter on one indexed field, sort by another, 50 rows of 1,000,000: p50 and p95. */
  @Test
  void listQuery() throws Exception {
    define("bench_item");
    fill("bench_item", ROWS);
    RecordQuery query =
        new RecordQuery(
            Optional.of(ConditionParser.parse("status = \"s3\"")),
            Optional.empty(),
            Optional.of("-amount"),
            Optional.empty(),
            50,
            Optional.empty(),
            List.of(),
            false);
    String sql =
        "SELECT "
            + records.object("bench_item").selectList()
            + " FROM \"records\".\"bench_item\" WHERE \"deleted_at\" IS NULL AND ((\"status\" = ?))"
            + " ORDER BY \"amount\" DESC, \"id\" DESC LIMIT 51";
    String path =
        "api/v1/records/bench_item?filter="
            + URLEncoder.encode("status = \"s3\"", StandardCharsets.UTF_8)
            + "&sort=-amount&limit=50&total=false";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", "Bearer " + token)
            .build();
    PlainHttp plain = new PlainHttp(base, token);
    int warmup = 1_000;
    int runs = 1_000;
    long[] raw = new long[runs];
    long[] service = new long[runs];
    long[] overHttp = new long[runs];
    long[] overJdkClient = new long[runs];
    for (int i = -warmup; i < runs; i++) {
      long start = System.nanoTime();
      try (Connection connection = dataSource.getConnection();
          PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, "s3");
        try (ResultSet rows = statement.executeQuery()) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              rows.getObject(c);
            }
          }
        }
      }
      long afterRaw = System.nanoTime();
      assertEquals(50, records.list(actor, "bench_item", query, false).items().size());
      long afterService = System.nanoTime();
      PlainHttp.Answer answer = plain.send("GET", path, null);
      long afterHttp = System.nanoTime();
      assertEquals(200, answer.status(), answer.body());
      HttpResponse<String> jdk = http.send(request, HttpResponse.BodyHandlers.ofString());
      long afterJdkClient = System.nanoTime();
      assertEquals(200, jdk.statusCode(), jdk.body());
      if (i >= 0) {
        raw[i] = afterRaw - start;
        service[i] = afterService - afterRaw;
        overHttp[i] = afterHttp - afterService;
        overJdkClient[i] = afterJdkClient - afterHttp;
      }
    }
    BenchReport.write(
        "list-query",
        String.format(
            Locale.ROOT,
            "1,000,000 records of bench_item; filter status = s3 (indexed, 10%% of rows), sort -amount"
                + " (indexed), 50 rows, no count; %d runs after %d warm-up, interleaved%n"
                + "raw SQL by JDBC (baseline): p50 %.3f ms, p95 %.3f ms%n"
                + "RecordService.list:         p50 %.3f ms, p95 %.3f ms  (p95 %.2fx raw)%n"
                + "HTTP GET, loopback, HttpURLConnection keep-alive:"
                + " p50 %.3f ms, p95 %.3f ms  (p95 %.2fx raw)%n"
                + "HTTP GET, loopback, java.net.http.HttpClient:"
                + " p50 %.3f ms, p95 %.3f ms  (p95 %.2fx raw)%n",
            runs,
            warmup,
            BenchReport.ms(BenchReport.percentile(raw, 50)),
            BenchReport.ms(BenchReport.percentile(raw, 95)),
            BenchReport.ms(BenchReport.percentile(service, 50)),
            BenchReport.ms(BenchReport.percentile(service, 95)),
            BenchReport.percentile(service, 95) / (double) BenchReport.percentile(raw, 95),
            BenchReport.ms(BenchReport.percentile(overHttp, 50)),
            BenchReport.ms(BenchReport.percentile(overHttp, 95)),
            BenchReport.percentile(overHttp, 95) / (double) BenchReport.percentile(raw, 95),
            BenchReport.ms(BenchReport.percentile(overJdkClient, 50)),
            BenchReport.ms(BenchReport.percentile(overJdkClient, 95)),
            BenchReport.percentile(overJdkClient, 95) / (double) BenchReport.percentile(raw, 95)));
  }

  /** 1,000,000 CSV rows: Relata's import (checked, over HTTP) vs COPY of the same file. */
  @Test
  void csvImport() throws Exception {
    define("bench_load");
    Path file = Files.createTempFile("bench-import", ".csv");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("name,status,amount\n");
      for (int i = 0; i < ROWS; i++) {
        out.write("Item " + i + ",s" + (i % 10) + "," + (i * 7919L % 100000) / 100.0 + "\n");
      }
    }
    String copyTable = baseline("bench_load");
    long copyStart = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        java.io.Reader reader = Files.newBufferedReader(file)) {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY "
                  + copyTable
                  + " (\"name\", \"status\", \"amount\") FROM STDIN (FORMAT csv, HEADER true)",
              reader);
    }
    long copyNanos = System.nanoTime() - copyStart;

    long importStart = System.nanoTime();
    HttpResponse<String> imported =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        base.toURI().resolve("api/v1/records/bench_load/import?mode=best-effort"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    long importNanos = System.nanoTime() - importStart;
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(ROWS, count("records.bench_load"), imported.body());
    assertEquals(ROWS, count(copyTable));
    Files.delete(file);
    double copyRate = ROWS / (copyNanos / 1e9);
    double importRate = ROWS / (importNanos / 1e9);
    BenchReport.write(
        "csv-import",
        String.format(
            Locale.ROOT,
            "1,000,000 CSV rows (name, status, amount) into an object with a search column, 4 indexes%n"
                + "COPY of the same file (baseline): %.1f s, %.0f rows/s%n"
                + "Relata import over HTTP, best-effort (every row read, typed, checked against rules):"
                + " %.1f s, %.0f rows/s = %.0f%% of COPY%n",
            copyNanos / 1e9,
            copyRate,
            importNanos / 1e9,
            importRate,
            100 * importRate / copyRate));
  }

  /** Single-record creates over HTTP with 4 clients vs single-row INSERTs with 4 clients. */
  @Test
  void concurrentCreate() throws Exception {
    define("bench_create");
    String rawTable = baseline("bench_create");
    int clients = 4;
    int each = 2_500;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    // warm-up of both paths (JIT, pools, caches), not timed
    int warmUp = 1_500;
    timed(pool, clients, warmUp, client -> rawInserts(rawTable, client, warmUp));
    timed(pool, clients, warmUp, client -> httpCreates("warm-" + client, warmUp));
    timed(pool, clients, warmUp, client -> httpReads(warmUp));
    StringBuilder rounds = new StringBuilder();
    long rawNanos = 0;
    long httpNanos = 0;
    long readNanos = 0;
    for (int round = 1; round <= 3; round++) {
      int r = round;
      long raw = timed(pool, clients, each, client -> rawInserts(rawTable, client, each));
      long http = timed(pool, clients, each, client -> httpCreates(r + "-" + client, each));
      long read = timed(pool, clients, each, client -> httpReads(each));
      rawNanos += raw;
      httpNanos += http;
      readNanos += read;
      rounds.append(
          String.format(
              Locale.ROOT,
              "round %d: raw %.0f records/s, HTTP %.0f records/s = %.0f%%,"
                  + " GET /users/me %.0f requests/s%n",
              round,
              clients * each / (raw / 1e9),
              clients * each / (http / 1e9),
              100.0 * raw / http,
              clients * each / (read / 1e9)));
    }
    pool.shutdown();
    double rawRate = 3 * clients * each / (rawNanos / 1e9);
    double httpRate = 3 * clients * each / (httpNanos / 1e9);
    double readRate = 3 * clients * each / (readNanos / 1e9);
    BenchReport.write(
        "concurrent-create",
        String.format(
                Locale.ROOT,
                "%d clients x %d records, 3 alternating rounds after a warm-up of both;"
                    + " table with a search column and 4 indexes%n"
                    + "raw single-row INSERT by JDBC, autocommit (baseline): %.0f records/s%n"
                    + "POST /api/v1/records over HTTP, one keep-alive HttpURLConnection per client"
                    + " (checked, numbered, owned): %.0f records/s = %.0f%% of raw%n"
                    + "ceiling of the HTTP stack: GET /api/v1/users/me (token checked, nothing else),"
                    + " same clients: %.0f requests/s = %.0f%% of raw%n",
                clients,
                each,
                rawRate,
                httpRate,
                100 * httpRate / rawRate,
                readRate,
                100 * readRate / rawRate)
            + rounds);
  }

  /** What one client does in a timed run. */
  private interface ClientWork {
    void run(int client) throws Exception;
  }

  /** Runs {@code work} for {@code clients} clients at once; the wall time of the whole run. */
  private static long timed(ExecutorService pool, int clients, int each, ClientWork work)
      throws Exception {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      tasks.add(
          () -> {
            work.run(client);
            return null;
          });
    }
    long start = System.nanoTime();
    for (Future<Void> done : pool.invokeAll(tasks)) {
      done.get();
    }
    return System.nanoTime() - start;
  }

  private void rawInserts(String table, int client, int count) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + table + " (\"name\", \"status\", \"amount\") VALUES (?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        insert.setString(1, "Item " + client + "-" + i);
        insert.setString(2, "s" + (i % 10));
        insert.setBigDecimal(3, new java.math.BigDecimal(i % 1000));
        insert.executeUpdate();
      }
    }
  }

  private void httpReads(int count) throws Exception {
    PlainHttp own = new PlainHttp(base, token);
    for (int i = 0; i < count; i++) {
      PlainHttp.Answer me = own.send("GET", "api/v1/users/me", null);
      assertEquals(200, me.status(), me.body());
    }
  }

  private void httpCreates(String prefix, int count) throws Exception {
    PlainHttp own = new PlainHttp(base, token);
    for (int i = 0; i < count; i++) {
      PlainHttp.Answer created =
          own.send(
              "POST",
              "api/v1/records/bench_create",
              "{\"name\": \"Item "
                  + prefix
                  + "-"
                  + i
                  + "\", \"status\": \"s"
                  + (i % 10)
                  + "\", \"amount\": "
                  + (i % 1000)
                  + "}");
      assertEquals(201, created.status(), created.body());
    }
  }

  /**
   * Where the time of one request goes, single-threaded: the platform's own HTTP stack with and
   * without authentication, a create in-process and over HTTP.
   */
  @Test
  void requestOverhead() throws Exception {
    define("bench_create");
    PlainHttp signedIn = new PlainHttp(base, token);
    PlainHttp anonymous = new PlainHttp(base, null);
    int runs = 500;
    long[][] times = new long[5][runs];
    for (int i = -100; i < runs; i++) {
      long t0 = System.nanoTime();
      anonymous.send("GET", "health/live", null);
      long t1 = System.nanoTime();
      anonymous.send("GET", "api/v1/users/me", null);
      long t2 = System.nanoTime();
      signedIn.send("GET", "api/v1/users/me", null);
      long t3 = System.nanoTime();
      records.create(
          WriteContext.of(actor, WriteContext.Channel.SYSTEM, java.time.Clock.systemUTC()),
          "bench_create",
          RecordInput.of(
              java.util.Map.of(
                  "name", "In process " + i, "status", "s1", "amount", java.math.BigDecimal.ONE)));
      long t4 = System.nanoTime();
      signedIn.send(
          "POST",
          "api/v1/records/bench_create",
          "{\"name\": \"Over HTTP " + i + "\", \"status\": \"s1\", \"amount\": 1}");
      long t5 = System.nanoTime();
      if (i >= 0) {
        times[0][i] = t1 - t0;
        times[1][i] = t2 - t1;
        times[2][i] = t3 - t2;
        times[3][i] = t4 - t3;
        times[4][i] = t5 - t4;
      }
    }
    String[] names = {
      "GET /health/live",
      "GET /api/v1/users/me, no token (401)",
      "GET /api/v1/users/me, token",
      "RecordService.create in process",
      "POST /api/v1/records over HTTP"
    };
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < names.length; k++) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-40s p50 %.3f ms, p95 %.3f ms%n",
              names[k],
              BenchReport.ms(BenchReport.percentile(times[k], 50)),
              BenchReport.ms(BenchReport.percentile(times[k], 95))));
    }
    BenchReport.write("request-overhead", text.toString());
  }

  private void define(String object) throws Exception {
    HttpResponse<String> put =
        api.send(
            "PUT",
            "api/v1/metadata/objects/" + object,
            "{\"name\": \""
                + object
                + "\", \"label\": \"Bench\", \"pluralLabel\": \"Bench\", \"nameField\": \"name\", "
                + FIELDS
                + "}");
    assertEquals(true, put.statusCode() == 201 || put.statusCode() == 200, put.body());
  }

  /** 1,000,000 rows written straight by SQL, then analysed. */
  private void fill(String object, int rows) throws Exception {
    if (count("records." + object) >= rows) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO records."
              + object
              + " (id, owner_id, created_at, created_by, updated_at, updated_by, version, name, status, amount)"
              + " SELECT gen_random_uuid(), '"
              + actor.id()
              + "', now() - g * interval '1 second', '"
              + actor.id()
              + "', now(), '"
              + actor.id()
              + "', 1, 'Item ' || g, 's' || (g % 10), (g::bigint * 7919 % 100000) / 100.0"
              + " FROM generate_series(1, "
              + rows
              + ") g");
      sql.execute("VACUUM ANALYZE records." + object);
    }
  }

  /** An empty table like the object's, with defaults for what the platform would set. */
  private String baseline(String object) throws Exception {
    String table = "records." + object + "_raw";
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + table);
      sql.execute("CREATE TABLE " + table + " (LIKE records." + object + " INCLUDING ALL)");
      for (String column : List.of("owner_id", "created_by", "updated_by")) {
        sql.execute(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN "
                + column
                + " SET DEFAULT '"
                + actor.id()
                + "'");
      }
      sql.execute("ALTER TABLE " + table + " ALTER COLUMN id SET DEFAULT gen_random_uuid()");
      sql.execute("ALTER TABLE " + table + " ALTER COLUMN created_at SET DEFAULT now()");
      sql.execute("ALTER TABLE " + table + " ALTER COLUMN updated_at SET DEFAULT now()");
    }
    return table;
  }

  private long count(String table) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
