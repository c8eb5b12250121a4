package io.relata.platform.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.RelataProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A memory bomb in a script while users work: {@code relata.jar} as the README starts it, and a
 * client in this process that lists records over HTTP one request after another (the list's
 * defaults: first page, with its total). First quiet, then while a second client keeps saving
 * records whose automation runs {@code new Array(1 << 26).fill(1)} — each bomb ends the script
 * runner, and the next script starts a new one. Reported: the list's p50 and p95 in both phases and
 * their ratio (goal: p95 no worse than 2x quiet), how many bombs went off and how each save was
 * answered, and that the server still answers. Not a test: run with {@code ./mvnw -B -pl ui -am
 * verify -Pbench -Dit.test=ScriptAbuseBench -Dfailsafe.failIfNoSpecifiedTests=false}; results in
 * {@code ui/target/bench/script-abuse.txt}.
 */
class ScriptAbuseBench {

  private static final String PASSWORD = "abuse-bench-pass";
  private static final int WARM_UP = 1_000;
  private static final int REQUESTS = Integer.getInteger("bench.runs", 2_000);

  @Test
  void listsKeepAnsweringWhileScriptsBlowUpTheirRunner() throws Exception {
    Path dataDir = Path.of(System.getProperty("relata.test.work"), "script-abuse");
    RelataProcess.deleteTree(dataDir);
    try (RelataProcess server =
        RelataProcess.start(dataDir, Map.of("RELATA_ADMIN_PASSWORD", PASSWORD))) {
      assertTrue(server.awaitReady(Duration.ofMinutes(4)), server::output);
      ApiClient api = ApiClient.signIn(server.uri("/").toURL(), "admin", PASSWORD);
      ok(
          api.send(
              "PUT",
              "api/v1/metadata/objects/note",
              "{\"label\":\"Note\",\"nameField\":\"title\",\"fields\":["
                  + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                  + "{\"name\":\"size\",\"label\":\"Size\",\"type\":\"number\"}]}"));
      ok(
          api.send(
              "PUT",
              "api/v1/metadata/automations/bomb",
              "{\"label\":\"Bomb\",\"object\":\"note\",\"trigger\":{\"type\":\"record\","
                  + "\"timing\":\"before\",\"on\":[\"create\"]},\"condition\":\"title = \\\"bomb\\\"\","
                  + "\"actions\":[{\"type\":\"script\",\"source\":"
                  + "\"const a = new Array(1 << 26).fill(1); record.size = a.length;\"}]}"));
      for (int i = 0; i < 200; i++) {
        ok(api.send("POST", "api/v1/records/note", "{\"title\":\"Note " + i + "\"}"));
      }
      HttpResponse<String> first = api.send("POST", "api/v1/records/note", "{\"title\":\"bomb\"}");
      assertEquals(400, first.statusCode(), first.body());
      assertTrue(first.body().contains("memory"), first.body());

      times(api, WARM_UP);
      long[] quiet = times(api, REQUESTS);
      AtomicBoolean bombing = new AtomicBoolean(true);
      AtomicInteger bombs = new AtomicInteger();
      AtomicInteger refusedForMemory = new AtomicInteger();
      java.util.List<String> otherwise = new java.util.concurrent.CopyOnWriteArrayList<>();
      ApiClient bomber = ApiClient.signIn(server.uri("/").toURL(), "admin", PASSWORD);
      Thread thrower =
          new Thread(
              () -> {
                while (bombing.get()) {
                  try {
                    HttpResponse<String> answer =
                        bomber.send("POST", "api/v1/records/note", "{\"title\":\"bomb\"}");
                    bombs.incrementAndGet();
                    if (answer.statusCode() == 400 && answer.body().contains("memory")) {
                      refusedForMemory.incrementAndGet();
                    } else {
                      otherwise.add(
                          answer.statusCode()
                              + " "
                              + answer.body().substring(0, Math.min(300, answer.body().length())));
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      thrower.start();
      long[] bombed;
      try {
        bombed = times(api, REQUESTS);
      } finally {
        bombing.set(false);
        thrower.join();
      }
      boolean up = server.awaitReady(Duration.ofSeconds(30));
      Arrays.sort(quiet);
      Arrays.sort(bombed);
      String report =
          String.format(
              "machine: %d cores, Java %s; relata.jar as the README starts it%n"
                  + "GET /api/v1/records/note (first page with its total), one client, %d requests"
                  + " per phase after %d warm-up%n"
                  + "quiet (baseline):  p50 %.2f ms, p95 %.2f ms%n"
                  + "during bombs:      p50 %.2f ms, p95 %.2f ms%n"
                  + "ratio: p50 %.2fx, p95 %.2fx (goal p95 <= 2x)%n"
                  + "bombs saved meanwhile: %d, refused as out of memory: %d%n"
                  + "the other answers: %s%n"
                  + "server ready afterwards: %s%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              REQUESTS,
              WARM_UP,
              ms(quiet, 50),
              ms(quiet, 95),
              ms(bombed, 50),
              ms(bombed, 95),
              ms(bombed, 50) / ms(quiet, 50),
              ms(bombed, 95) / ms(quiet, 95),
              bombs.get(),
              refusedForMemory.get(),
              otherwise.isEmpty() ? "none" : otherwise,
              up);
      Path out = Path.of("target/bench/script-abuse.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
      assertTrue(up, "the server stays up");
    }
  }

  private static long[] times(ApiClient api, int requests) throws Exception {
    long[] times = new long[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<String> answer = api.send("GET", "api/v1/records/note", null);
      times[i] = System.nanoTime() - start;
      assertEquals(200, answer.statusCode(), answer.body());
    }
    return times;
  }

  private static double ms(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }
}
