package io.relata.platform.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.relata.platform.testing.MigratedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Jobs per second through the durable queue, and beside them in the same run the plain insert of
 * the same rows into the empty job table: what a job costs on top of being written down. Each
 * enqueue is a transaction of its own (as a write's is), then two workers, as a node runs by
 * default, run them all (claim with {@code SKIP LOCKED}, a handler that does nothing, done). Not a
 * test: run with {@code ./mvnw -B -pl platform -am verify -Pbench -Dit.test=JobQueueBench
 * -Dfailsafe.failIfNoSpecifiedTests=false}; results in {@code platform/target/bench/jobs.txt}.
 */
class JobQueueBench {

  private static final int JOBS = Integer.getInteger("bench.runs", 10_000);
  private static final int ROUNDS = 3;

  @Test
  void jobsThroughTheQueueAgainstPlainInserts() throws Exception {
    try (MigratedPostgres postgres = MigratedPostgres.start()) {
      DataSource db = perThread(postgres.dataSource());
      JobHandler nothing =
          new JobHandler() {
            @Override
            public String kind() {
              return "bench.nothing";
            }

            @Override
            public void run(JobRun run) {
              // the figure is the queue's own cost
            }
          };
      JobQueue queue = new JobQueue(db, Clock.systemUTC(), new JobHandlers(List.of(nothing)));
      StringBuilder rounds = new StringBuilder();
      double inserts = 0;
      double enqueues = 0;
      double runs = 0;
      for (int round = -1; round < ROUNDS; round++) {
        execute(db, "DELETE FROM relata.job");
        double insert = JOBS / seconds(() -> plainInserts(db));
        execute(db, "DELETE FROM relata.job");
        double enqueue = JOBS / seconds(() -> enqueue(db, queue));
        double run = JOBS / seconds(() -> drain(queue));
        if (round >= 0) {
          rounds.append(
              String.format(
                  "round %d: insert %.0f/s, enqueue %.0f/s, run %.0f/s%n",
                  round + 1, insert, enqueue, run));
          inserts += insert / ROUNDS;
          enqueues += enqueue / ROUNDS;
          runs += run / ROUNDS;
        }
      }
      String report =
          String.format(
              "machine: %d cores, Java %s; PostgreSQL with the test settings (fsync off)%n"
                  + "%d jobs per round, one transaction each, after a warm-up round%n%s"
                  + "plain INSERT into the empty job table (baseline): %.0f rows/s%n"
                  + "enqueue through JobQueue:                         %.0f jobs/s (%.2fx the"
                  + " baseline's time)%n"
                  + "run by 2 workers (claim, handler, done):          %.0f jobs/s%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              JOBS,
              rounds,
              inserts,
              enqueues,
              inserts / enqueues,
              runs);
      Path out = Path.of("target/bench/jobs.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double seconds(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void plainInserts(DataSource db) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO relata.job (id, kind, payload, state, run_at, max_attempts,"
                    + " created_at) VALUES (?, 'bench.nothing', '{}'::jsonb, 'ready', ?, 10, ?)")) {
      for (int i = 0; i < JOBS; i++) {
        OffsetDateTime now = OffsetDateTime.now();
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, now);
        insert.setObject(3, now);
        insert.executeUpdate();
      }
    }
  }

  private static void enqueue(DataSource db, JobQueue queue) throws SQLException {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < JOBS; i++) {
        queue.enqueue(
            connection, NewJob.of("bench.nothing", JsonNodeFactory.instance.objectNode()));
        connection.commit();
      }
    }
  }

  private static void drain(JobQueue queue) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<?>[] both = new CompletableFuture<?>[2];
      for (int i = 0; i < 2; i++) {
        both[i] =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    queue.drain();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                },
                workers);
      }
      CompletableFuture.allOf(both).join();
    } finally {
      workers.shutdown();
    }
  }

  /**
   * One kept connection per thread, as a pool hands a worker the same few connections: the embedded
   * database's data source opens a new one each time, which would be most of the figure.
   */
  private static DataSource perThread(DataSource unpooled) {
    ThreadLocal<Connection> kept = new ThreadLocal<>();
    return (DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              if (kept.get() == null) {
                kept.set(unpooled.getConnection());
              }
              Connection connection = kept.get();
              return java.lang.reflect.Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("close")) {
                      if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                      }
                      return null;
                    }
                    try {
                      return m.invoke(connection, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
            });
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection connection = db.getConnection()) {
      connection.createStatement().execute(sql);
    }
  }
}
