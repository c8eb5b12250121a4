package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.platform.schema.JdbcTableStats;
import io.relata.platform.schema.SchemaMigrator;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.testing.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (issue 3): add an indexed field to an object of 1,000,000 rows — the metadata path
 * (compile, diff, plan with exact counts, DDL, revision, one transaction) against the same DDL
 * written by hand, with a writer inserting rows into the table throughout. Not a test: run it with
 * {@code ./mvnw -B -pl platform -am verify -Pbench}; results in {@code
 * platform/target/bench/add-indexed-field.txt}.
 */
class AddIndexedFieldBench {

  private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void addIndexedFieldToAMillionRows() throws Exception {
    try (MigratedPostgres postgres =
        MigratedPostgres.start(
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on"))) {
      DataSource db = postgres.dataSource();
      UUID author = UUID.randomUUID();
      execute(
          db,
          "insert into relata.app_user (id, username, password_hash, created_at)"
              + " values ('"
              + author
              + "', 'bench', 'x', now())");

      ObjectNode doc =
          (ObjectNode)
              JSON.readTree(
                  "{\"name\":\"account\",\"label\":\"Account\",\"nameField\":\"account_name\",\"fields\":["
                      + "{\"name\":\"account_name\",\"label\":\"Name\",\"type\":\"text\",\"required\":true}]}");
      CompiledModel base = apply(db, CompiledModel.empty(), List.of(doc), author).model();
      long loadStart = System.nanoTime();
      execute(
          db,
          "insert into records.account (id, owner_id, created_at, created_by, updated_at, updated_by, account_name)"
              + " select gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(),"
              + " 'Account ' || n from generate_series(1, "
              + ROWS
              + ") n");
      execute(db, "create table records.baseline (like records.account including all)");
      execute(db, "insert into records.baseline select * from records.account");
      execute(db, "vacuum analyze records.account");
      execute(db, "vacuum analyze records.baseline");
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

      ObjectNode withField = doc.deepCopy();
      ((ArrayNode) withField.get("fields"))
          .addObject()
          .put("name", "industry")
          .put("label", "Industry")
          .put("type", "text")
          .put("indexed", true);

      List<Result> relata = new ArrayList<>();
      List<Result> raw = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        raw.add(
            withWriter(
                db,
                "baseline",
                () -> {
                  try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                      s.execute("alter table records.baseline add column industry varchar(255)");
                      s.execute(
                          "create index baseline_industry_idx on records.baseline (industry)");
                    }
                    c.commit();
                  }
                }));
        execute(db, "alter table records.baseline drop column industry");

        CompiledModel from = base;
        List<CompiledModel> added = new ArrayList<>();
        relata.add(
            withWriter(
                db,
                "account",
                () -> added.add(apply(db, from, List.of(withField), author).model())));
        base = apply(db, added.get(0), List.of(doc), author).model(); // drop the field again
      }

      String report = report(loadSeconds, relata, raw);
      System.out.println(report);
      Path out = Path.of("target", "bench", "add-indexed-field.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    }
  }

  private record Result(double seconds, int writes, double maxWriteMillis) {}

  private interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work} while another connection inserts rows one by one into {@code table}. */
  private static Result withWriter(DataSource db, String table, Work work) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.getConnection();
                  PreparedStatement insert =
                      c.prepareStatement(
                          "insert into records."
                              + table
                              + " (id, owner_id, created_at, created_by, updated_at, updated_by, account_name)"
                              + " values (gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(), 'writer')")) {
                while (running.get()) {
                  long t = System.nanoTime();
                  insert.executeUpdate();
                  latencies.add((System.nanoTime() - t) / 1e6);
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    Thread.sleep(200); // the writer is writing before the change starts
    int before = latencies.size();
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    int during = latencies.size() - before;
    running.set(false);
    writer.join();
    double max =
        latencies.subList(before, latencies.size()).stream()
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    return new Result(seconds, during, max);
  }

  private static ModelCompiler.Result apply(
      DataSource db, CompiledModel before, List<JsonNode> docs, UUID author) throws SQLException {
    ModelCompiler.Result after = ModelCompiler.compile(before.revision() + 1, docs);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      var changes = ModelDiff.between(List.copyOf(before.objects()), after.submitted());
      SchemaPlan plan = SchemaPlanner.plan(changes, after.submitted(), new JdbcTableStats(c));
      if (changes.isEmpty()) {
        c.rollback();
        return ModelCompiler.compile(before.revision(), docs);
      }
      SchemaMigrator.apply(c, plan, true);
      RevisionStore.insert(
          c,
          new Revision(
              before.revision() + 1,
              OffsetDateTime.now(),
              author,
              "bench",
              io.relata.metadata.kind.Documents.of(
                  after.model().documents(), after.model().access().documents()),
              List.of()));
      c.commit();
    }
    return after;
  }

  private static String report(double loadSeconds, List<Result> relata, List<Result> raw) {
    Result r = median(relata);
    Result b = median(raw);
    return String.format(
        Locale.ROOT,
        String.join(
            "%n",
            "Add an indexed text field to an object of %,d rows (median of %d runs)",
            "machine: %d cores, %s %s; PostgreSQL 17 (zonky), fsync on",
            "load: %.1f s for %,d rows (two tables)",
            "",
            "                          time      writes during   slowest write",
            "raw SQL (baseline)     %7.3f s   %8d        %9.1f ms",
            "Relata metadata path   %7.3f s   %8d        %9.1f ms",
            "ratio Relata/raw       %7.2f x",
            "",
            "Writes: the change runs in one transaction (DDL + revision); CREATE INDEX takes a SHARE lock,",
            "so inserts wait until it commits in both paths: the slowest write is about the change's time.",
            ""),
        ROWS,
        RUNS,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        loadSeconds,
        ROWS,
        b.seconds(),
        b.writes(),
        b.maxWriteMillis(),
        r.seconds(),
        r.writes(),
        r.maxWriteMillis(),
        r.seconds() / b.seconds());
  }

  private static Result median(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort((x, y) -> Double.compare(x.seconds(), y.seconds()));
    return sorted.get(sorted.size() / 2);
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
