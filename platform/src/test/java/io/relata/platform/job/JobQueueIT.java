package io.relata.platform.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.testing.MigratedPostgres;
import io.relata.platform.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable queue on a real PostgreSQL: a job exists exactly when the transaction that enqueued
 * it commits; its handler's writes commit with its completion; a failure is retried with backoff
 * and dies after its last attempt with the reason; concurrent workers run each job once; and a
 * worker whose session dies mid-run leaves its job to another.
 */
class JobQueueIT {

  private static MigratedPostgres postgres;
  private static DataSource db;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicReference<String> failWith = new AtomicReference<>();

  /** Writes the job's effect in its transaction: one row per job, never two. */
  private final JobHandler effect =
      new JobHandler() {
        @Override
        public String kind() {
          return "test.effect";
        }

        @Override
        public void run(JobRun run) throws SQLException {
          runs.incrementAndGet();
          try (PreparedStatement insert =
              run.connection().prepareStatement("INSERT INTO job_effect (job_id) VALUES (?)")) {
            insert.setObject(1, run.job().id());
            insert.executeUpdate();
          }
          String failure = failWith.get();
          if (failure != null) {
            throw new IllegalStateException(failure);
          }
        }
      };

  private JobQueue queue;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start();
    db = postgres.dataSource();
    execute("CREATE TABLE job_effect (job_id uuid PRIMARY KEY)");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    execute("DELETE FROM relata.job");
    execute("DELETE FROM job_effect");
    queue = new JobQueue(db, clock, new JobHandlers(List.of(effect)));
  }

  @Test
  void aJobExistsExactlyWhenItsTransactionCommits() throws Exception {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      queue.enqueue(connection, NewJob.of("test.effect", payload()));
      connection.rollback();
    }
    assertEquals(0, queue.drain(), "a rolled-back enqueue leaves no job");

    UUID id = enqueue(NewJob.of("test.effect", payload()));
    assertEquals(1, queue.drain());
    assertEquals(1, runs.get());
    assertEquals(1, count("SELECT count(*) FROM job_effect WHERE job_id = '" + id + "'"));
    Job done = queue.find(id).orElseThrow();
    assertEquals(JobState.DONE, done.state());
    assertEquals(1, done.attempts());
    assertEquals(Optional.of(JobQueue.NODE), done.ranOn());
    assertEquals(0, queue.drain(), "a done job does not run again");
  }

  @Test
  void anIdempotencyKeyMakesOneJob() throws Exception {
    UUID first = enqueue(NewJob.of("test.effect", payload()).key("deal-42-welcome"));
    try (Connection connection = db.getConnection()) {
      assertEquals(
          Optional.empty(),
          queue.enqueue(connection, NewJob.of("test.effect", payload()).key("deal-42-welcome")));
    }
    assertEquals(1, queue.drain());
    assertEquals(1, runs.get());
    assertEquals(Optional.of("deal-42-welcome"), queue.find(first).orElseThrow().idempotencyKey());
  }

  @Test
  void aJobWaitsForItsTime() throws Exception {
    UUID id =
        enqueue(
            NewJob.of("test.effect", payload())
                .at(
                    java.time.OffsetDateTime.ofInstant(
                        clock.instant().plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC)));
    assertEquals(0, queue.drain(), "not due yet");
    clock.advance(Duration.ofHours(2));
    assertEquals(1, queue.drain());
    assertEquals(JobState.DONE, queue.find(id).orElseThrow().state());
  }

  @Test
  void aFailureIsRolledBackRetriedWithBackoffAndDeadAfterTheLastAttemptWithItsReason()
      throws Exception {
    failWith.set("the mail server said no");
    UUID id = enqueue(NewJob.of("test.effect", payload()).attempts(3));

    assertEquals(1, queue.drain());
    Job failed = queue.find(id).orElseThrow();
    assertEquals(JobState.READY, failed.state());
    assertEquals(1, failed.attempts());
    assertEquals(Optional.of("IllegalStateException: the mail server said no"), failed.lastError());
    assertEquals(clock.instant().plus(Backoff.after(1)), failed.runAt().toInstant());
    assertEquals(0, count("SELECT count(*) FROM job_effect"), "the failed attempt's write is gone");
    assertEquals(0, queue.drain(), "it waits out its backoff");

    clock.advance(Backoff.after(1));
    assertEquals(1, queue.drain());
    assertEquals(2, queue.find(id).orElseThrow().attempts());
    clock.advance(Backoff.after(2));
    assertEquals(1, queue.drain());
    Job dead = queue.find(id).orElseThrow();
    assertEquals(JobState.DEAD, dead.state());
    assertEquals(3, dead.attempts());
    assertTrue(dead.lastError().orElseThrow().contains("the mail server said no"));
    clock.advance(Duration.ofDays(1));
    assertEquals(0, queue.drain(), "a dead job stays dead");
    assertEquals(
        List.of(id),
        ids(queue.list(Optional.of(JobState.DEAD), Optional.empty(), Optional.empty(), 10)));

    // an admin fixes the cause and retries it: it runs now, with fresh attempts
    failWith.set(null);
    assertTrue(queue.retry(id));
    assertEquals(1, queue.drain());
    assertEquals(JobState.DONE, queue.find(id).orElseThrow().state());
    assertEquals(1, count("SELECT count(*) FROM job_effect"));
    assertFalse(queue.retry(id), "a done job is not retried");
    assertFalse(queue.discard(id), "nor discarded");
  }

  @Test
  void whatAnAttemptRecordsStandsWhenItFailsAndARecordThatCannotBeWrittenUndoesNothing()
      throws Exception {
    JobHandler recording =
        new JobHandler() {
          @Override
          public String kind() {
            return "test.recording";
          }

          @Override
          public void run(JobRun run) {
            run.record(
                c -> {
                  try (PreparedStatement insert =
                      c.prepareStatement("INSERT INTO job_effect (job_id) VALUES (?)")) {
                    insert.setObject(1, run.job().id());
                    insert.executeUpdate();
                  }
                });
            run.record(c -> c.createStatement().execute("INSERT INTO no_such_table VALUES (1)"));
            if (run.attempt() == 1) {
              throw new IllegalStateException("the endpoint said 503");
            }
          }
        };
    queue = new JobQueue(db, clock, new JobHandlers(List.of(recording)));
    UUID id = enqueue(NewJob.of("test.recording", payload()));

    assertEquals(1, queue.drain());
    Job failed = queue.find(id).orElseThrow();
    assertEquals(JobState.READY, failed.state(), "its failure is kept, with its backoff");
    assertEquals(1, failed.attempts());
    assertEquals(1, count("SELECT count(*) FROM job_effect"), "the record of the failed attempt");
    assertEquals(0, queue.drain(), "not run again before its backoff");

    clock.advance(Backoff.after(1));
    assertEquals(1, queue.drain());
    assertEquals(JobState.DONE, queue.find(id).orElseThrow().state());
    assertEquals(
        1,
        count("SELECT count(*) FROM job_effect"),
        "the second attempt's record collides with the first's and is left out, undoing nothing");
  }

  @Test
  void aDiscardedJobNeverRunsAndAnUnknownKindDiesWithItsReason() throws Exception {
    UUID discarded = enqueue(NewJob.of("test.effect", payload()));
    assertTrue(queue.discard(discarded));
    UUID orphan = enqueue(NewJob.of("plugin.gone", payload()).attempts(1));
    assertEquals(1, queue.drain());
    assertEquals(0, runs.get());
    assertEquals(JobState.DISCARDED, queue.find(discarded).orElseThrow().state());
    Job dead = queue.find(orphan).orElseThrow();
    assertEquals(JobState.DEAD, dead.state());
    assertEquals(
        Optional.of("IllegalStateException: no handler runs plugin.gone"), dead.lastError());
  }

  @Test
  void concurrentWorkersRunEachJobOnce() throws Exception {
    int jobs = 2_000;
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < jobs; i++) {
        queue.enqueue(connection, NewJob.of("test.effect", payload()));
      }
      connection.commit();
    }
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> ran = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        ran.add(workers.submit(queue::drain));
      }
      int total = 0;
      for (Future<Integer> one : ran) {
        total += one.get(2, TimeUnit.MINUTES);
      }
      assertEquals(jobs, total);
    } finally {
      workers.shutdownNow();
    }
    assertEquals(jobs, runs.get(), "each handler ran once");
    assertEquals(jobs, count("SELECT count(*) FROM job_effect"));
    assertEquals(jobs, count("SELECT count(*) FROM relata.job WHERE state = 'done'"));
  }

  @Test
  void aWorkerWhoseSessionDiesMidRunLeavesItsJobToAnother() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicReference<Integer> backend = new AtomicReference<>();
    JobHandler stuck =
        new JobHandler() {
          @Override
          public String kind() {
            return "test.effect";
          }

          @Override
          public void run(JobRun run) throws Exception {
            if (backend.get() == null) {
              try (Statement statement = run.connection().createStatement();
                  ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                backend.set(pid.getInt(1));
              }
              effect.run(run);
              running.countDown();
              never.await(1, TimeUnit.MINUTES); // the node dies here: its session is gone
              try (Statement statement = run.connection().createStatement()) {
                statement.execute("SELECT 1");
              }
              return;
            }
            effect.run(run);
          }
        };
    JobQueue dying = new JobQueue(db, clock, new JobHandlers(List.of(stuck)));
    UUID id = enqueue(NewJob.of("test.effect", payload()));
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return dying.runNext();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(running.await(1, TimeUnit.MINUTES));
    assertEquals(0, queue.drain(), "another worker skips the job while it is held");
    // a running job is not discarded, and asking does not wait for its run to end (a minute here)
    assertFalse(
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> queue.discard(id)));

    execute("SELECT pg_terminate_backend(" + backend.get() + ")");
    never.countDown();
    assertThrows(Exception.class, first::join, "the dead session's worker fails");

    assertEquals(1, dying.drain(), "another worker runs it");
    assertEquals(1, count("SELECT count(*) FROM job_effect WHERE job_id = '" + id + "'"));
    Job done = queue.find(id).orElseThrow();
    assertEquals(JobState.DONE, done.state());
    assertEquals(1, done.attempts(), "the dead run left no trace");
  }

  private UUID enqueue(NewJob job) throws SQLException {
    try (Connection connection = db.getConnection()) {
      return queue.enqueue(connection, job).orElseThrow();
    }
  }

  private static ObjectNode payload() {
    return JsonCodec.object().put("deal", UUID.randomUUID().toString());
  }

  private static List<UUID> ids(List<Job> jobs) {
    return jobs.stream().map(Job::id).toList();
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
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
