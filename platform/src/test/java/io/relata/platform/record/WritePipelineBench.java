package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;

import io.relata.platform.identity.Actor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What registered hooks cost a write: the same single-record create through {@link RecordService}
 * with three no-op hooks (one before-save, one after-save, one after-commit) and without any beyond
 * the platform's own (audit, roll-ups), alternated record by record on one PostgreSQL, after a
 * warm-up. In process on purpose: the figure is the pipeline's own overhead, which a client over
 * HTTP would bury in noise. Not a test: run with {@code ./mvnw -B -pl platform -am verify -Pbench
 * -Dit.test=WritePipelineBench -Dfailsafe.failIfNoSpecifiedTests=false}; results in {@code
 * platform/target/bench/write-pipeline.txt}.
 */
class WritePipelineBench {

  private static final int RUNS = Integer.getInteger("bench.runs", 5_000);
  private static final int WARM_UP = 2_000;

  @Test
  void threeNoOpHooksAgainstNone() throws Exception {
    Clock clock = Clock.systemUTC();
    try (RecordsOnPostgres postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'bench','label':'Bench','nameField':'name','fields':["
                        + "{'name':'name','label':'Name','type':'text'},"
                        + "{'name':'amount','label':'Amount','type':'currency','currency':'EUR'},"
                        + "{'name':'status','label':'Status','type':'picklist','indexed':true,"
                        + "'values':[{'name':'s1','label':'S1'},{'name':'s2','label':'S2'}]}]}")),
            List.of(),
            clock)) {
      Actor admin = postgres.user("admin", "administrator");
      RecordService bare = postgres.pooledService(List.of());
      RecordService hooked =
          postgres.pooledService(
              List.of(
                  noOp("bench-before", RecordHook.Stage.BEFORE_SAVE),
                  noOp("bench-after", RecordHook.Stage.AFTER_SAVE),
                  noOp("bench-commit", RecordHook.Stage.AFTER_COMMIT)));
      long[] bareTimes = new long[RUNS];
      long[] hookedTimes = new long[RUNS];
      for (int i = -WARM_UP; i < RUNS; i++) {
        RecordInput input =
            RecordInput.of(Map.of("name", "Record " + i, "amount", BigDecimal.TEN, "status", "s1"));
        boolean hookedFirst = (i & 1) == 0;
        long first = create(hookedFirst ? hooked : bare, postgres.context(admin), input);
        long second = create(hookedFirst ? bare : hooked, postgres.context(admin), input);
        if (i >= 0) {
          hookedTimes[i] = hookedFirst ? first : second;
          bareTimes[i] = hookedFirst ? second : first;
        }
      }
      Arrays.sort(bareTimes);
      Arrays.sort(hookedTimes);
      String report =
          String.format(
              "machine: %d cores, Java %s%n"
                  + "single-record create through RecordService, %d runs each after %d warm-up,"
                  + " alternated; PostgreSQL with the test settings (fsync off), one kept"
                  + " connection per service%n"
                  + "no extra hooks (baseline): p50 %.3f ms, p95 %.3f ms%n"
                  + "three no-op hooks:         p50 %.3f ms, p95 %.3f ms%n"
                  + "ratio: p50 %.3fx, p95 %.3fx%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              RUNS,
              WARM_UP,
              ms(bareTimes, 50),
              ms(bareTimes, 95),
              ms(hookedTimes, 50),
              ms(hookedTimes, 95),
              ms(hookedTimes, 50) / ms(bareTimes, 50),
              ms(hookedTimes, 95) / ms(bareTimes, 95));
      Path out = Path.of("target/bench/write-pipeline.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  private static long create(RecordService records, WriteContext context, RecordInput input) {
    long start = System.nanoTime();
    records.create(context, "bench", input);
    return System.nanoTime() - start;
  }

  private static double ms(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }

  private static RecordHook noOp(String name, RecordHook.Stage stage) {
    return new RecordHook() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Stage stage() {
        return stage;
      }

      @Override
      public int order() {
        return 0;
      }

      @Override
      public void run(RecordChange change) {
        // nothing: the figure is the cost of running a hook at all
      }
    };
  }
}
