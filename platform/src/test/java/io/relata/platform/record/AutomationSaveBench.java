package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;

import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.automation.AfterSaveAutomations;
import io.relata.platform.automation.BeforeSaveAutomations;
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
 * What automations cost a save: the same single-record create through {@link RecordService}, of an
 * object with three automations that fire on it (a before-save set with a formula, a before-save
 * assignment by a rule table, an after-save set that is a write of its own), of one with three
 * before-save automations (set, assign to a user, set), and of one with none, in turns record by
 * record on one PostgreSQL after a warm-up. In process, like {@link WritePipelineBench}. Not a
 * test: run with {@code ./mvnw -B -pl platform -am verify -Pbench -Dit.test=AutomationSaveBench
 * -Dfailsafe.failIfNoSpecifiedTests=false}; results in {@code
 * platform/target/bench/automation-save.txt}.
 */
class AutomationSaveBench {

  private static final int RUNS = Integer.getInteger("bench.runs", 3_000);
  private static final int WARM_UP = 2_000;
  private static final String FIELDS =
      "'fields':[{'name':'name','label':'Name','type':'text'},"
          + "{'name':'users','label':'Users','type':'number'},"
          + "{'name':'score','label':'Score','type':'number'},"
          + "{'name':'checked','label':'Checked','type':'boolean'}]}";

  @Test
  void aSaveThatFiresThreeAutomationsAgainstOneThatFiresNone() throws Exception {
    Clock clock = Clock.systemUTC();
    try (RecordsOnPostgres postgres =
        RecordsOnPostgres.start(
            List.of(
                json("{'name':'plain','label':'Plain','nameField':'name'," + FIELDS),
                json("{'name':'automated','label':'Automated','nameField':'name'," + FIELDS),
                json("{'name':'early','label':'Early','nameField':'name'," + FIELDS)),
            List.of(),
            Map.of(
                DocumentKinds.ASSIGNMENT_RULES,
                List.of(
                    json(
                        "{'name':'route','label':'Route','object':'automated','rules':["
                            + "{'condition':'users > 50','assignTo':{'user':'admin'}}],"
                            + "'fallback':{'user':'admin'}}")),
                DocumentKinds.AUTOMATIONS,
                List.of(
                    json(
                        "{'name':'score','label':'Score','object':'automated',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'condition':'users > 10',"
                            + "'actions':[{'type':'set','formulas':{'score':'users * 2'}}]}"),
                    json(
                        "{'name':'assign','label':'Assign','object':'automated',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'assign','rules':'route'}]}"),
                    json(
                        "{'name':'check','label':'Check','object':'automated',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'actions':[{'type':'set','values':{'checked':true}}]}"),
                    json(
                        "{'name':'early_score','label':'Score','object':'early',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'condition':'users > 10',"
                            + "'actions':[{'type':'set','formulas':{'score':'users * 2'}}]}"),
                    json(
                        "{'name':'early_assign','label':'Assign','object':'early',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'assign','to':{'user':'admin'}}]}"),
                    json(
                        "{'name':'early_check','label':'Check','object':'early',"
                            + "'trigger':{'type':'record','timing':'before','on':['create']},"
                            + "'actions':[{'type':'set','values':{'checked':true}}]}"))),
            clock)) {
      Actor admin = postgres.user("admin", "administrator");
      RecordService records =
          postgres.pooledService(
              List.of(
                  new BeforeSaveAutomations(postgres.automating()),
                  new AfterSaveAutomations(postgres.automating())));
      List<String> objects = List.of("plain", "automated", "early");
      long[][] times = new long[objects.size()][RUNS];
      for (int i = -WARM_UP; i < RUNS; i++) {
        RecordInput input =
            RecordInput.of(Map.of("name", "Record " + i, "users", BigDecimal.valueOf(100)));
        for (int k = 0; k < objects.size(); k++) {
          // a different one goes first each time
          int which = Math.floorMod(i + k, objects.size());
          long took = create(records, postgres.context(admin), objects.get(which), input);
          if (i >= 0) {
            times[which][i] = took;
          }
        }
      }
      for (long[] one : times) {
        Arrays.sort(one);
      }
      long[] plain = times[0];
      long[] automated = times[1];
      long[] early = times[2];
      String report =
          String.format(
              "machine: %d cores, Java %s%n"
                  + "single-record create through RecordService, %d runs each after %d warm-up,"
                  + " alternated; PostgreSQL with the test settings (fsync off), one kept"
                  + " connection%n"
                  + "no automation (baseline):  p50 %.3f ms, p95 %.3f ms%n"
                  + "three automations firing (before-save set and assign, after-save set):"
                  + " p50 %.3f ms, p95 %.3f ms; ratio p50 %.3fx, p95 %.3fx%n"
                  + "three before-save automations firing (set, assign, set):"
                  + " p50 %.3f ms, p95 %.3f ms; ratio p50 %.3fx, p95 %.3fx%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              RUNS,
              WARM_UP,
              ms(plain, 50),
              ms(plain, 95),
              ms(automated, 50),
              ms(automated, 95),
              ms(automated, 50) / ms(plain, 50),
              ms(automated, 95) / ms(plain, 95),
              ms(early, 50),
              ms(early, 95),
              ms(early, 50) / ms(plain, 50),
              ms(early, 95) / ms(plain, 95));
      Path out = Path.of("target/bench/automation-save.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  private static long create(
      RecordService records, WriteContext context, String object, RecordInput input) {
    long start = System.nanoTime();
    records.create(context, object, input);
    return System.nanoTime() - start;
  }

  private static double ms(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }
}
