package io.relata.platform.automation.script;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Script runs per second per core, through the platform's {@link ScriptRunners} and the real runner
 * process with one worker thread, each run in a fresh sandbox: a small scoring script, and beside
 * it in the same run an empty script (the fresh context and the round trip alone, the floor any
 * script pays), alternated in rounds after a warm-up. Not a test: run with {@code ./mvnw -B -pl
 * platform -am verify -Pbench -Dit.test=ScriptBench -Dfailsafe.failIfNoSpecifiedTests=false};
 * results in {@code platform/target/bench/scripts.txt}.
 */
class ScriptBench {

  private static final int ROUNDS = 6;
  private static final int RUNS = Integer.getInteger("bench.runs", 2_000);
  private static final String SCORING =
      "let score = 0;\n"
          + "if (record.users >= 50) score += 20;\n"
          + "if (record.country === 'SE' || record.country === 'DK') score += 10;\n"
          + "for (const kind of record.activities) {\n"
          + "  score += kind === 'contact_form' ? 50 : kind === 'pricing_page' ? 20 : 10;\n"
          + "}\n"
          + "record.score = Math.min(score, 100);\n"
          + "record.grade = score >= 60 ? 'A' : score >= 30 ? 'B' : 'C';";

  @Test
  void aSmallScoringScriptInAFreshSandboxPerRun() throws Exception {
    System.setProperty("relata.scripts.threads", "1");
    ScriptRunners runners = new ScriptRunners();
    try {
      ObjectNode record = JsonNodeFactory.instance.objectNode().put("users", 120);
      record.put("country", "SE");
      record.putArray("activities").add("whitepaper").add("pricing_page").add("contact_form");
      ScriptRequest scoring = new ScriptRequest("score.js", SCORING, record, ScriptLimits.DEFAULT);
      ScriptRequest empty = new ScriptRequest("empty.js", ";", record, ScriptLimits.DEFAULT);
      check(runners.run(scoring, ScriptHost.NONE));
      time(runners, scoring, RUNS);
      time(runners, empty, RUNS);
      double scoringRate = 0;
      double emptyRate = 0;
      double scoringCpu = 0;
      StringBuilder rounds = new StringBuilder();
      long pid = runners.runnerPid();
      for (int round = 0; round < ROUNDS; round++) {
        double cpuBefore = cpuSeconds(pid);
        double s = time(runners, scoring, RUNS);
        double perCpu = RUNS / (cpuSeconds(pid) - cpuBefore);
        double e = time(runners, empty, RUNS);
        rounds.append(
            String.format(
                "round %d: scoring %.0f/s (%.0f per second of the runner's processor time),"
                    + " empty %.0f/s%n",
                round + 1, s, perCpu, e));
        scoringRate += s / ROUNDS;
        scoringCpu += perCpu / ROUNDS;
        emptyRate += e / ROUNDS;
      }
      String report =
          String.format(
              "machine: %d cores, Java %s; runner: 1 worker thread, heap %s, GraalJS community"
                  + " interpreted%n"
                  + "%d runs per side per round, alternated, after %d warm-up runs each%n%s"
                  + "empty script (baseline): %.0f runs/s%n"
                  + "scoring script:          %.0f runs/s (goal 1,500)%n"
                  + "scoring script per core: %.0f runs per second of the runner process's"
                  + " processor time (all its threads)%n"
                  + "ratio (scoring / empty): %.3f%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              ScriptRunners.HEAP,
              RUNS,
              RUNS,
              rounds,
              emptyRate,
              scoringRate,
              scoringCpu,
              scoringRate / emptyRate);
      Path out = Path.of("target/bench/scripts.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    } finally {
      runners.stop();
    }
  }

  /** The processor time of process {@code pid} so far, all threads, user and system. */
  private static double cpuSeconds(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 per second here)
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  /** Runs per second of {@code runs} runs one after another. */
  private static double time(ScriptRunners runners, ScriptRequest request, int runs) {
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      check(runners.run(request, ScriptHost.NONE));
    }
    return runs / ((System.nanoTime() - start) / 1e9);
  }

  private static void check(ScriptResult result) {
    if (!result.ok()) {
      throw new AssertionError(result.toString());
    }
  }
}
