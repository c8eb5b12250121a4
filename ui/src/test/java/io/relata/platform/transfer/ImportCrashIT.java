package io.relata.platform.transfer;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.RelataProcess;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The application server killed with SIGKILL in the middle of two imports, then started again on
 * the same data: the best-effort import lost no row it had acknowledged (its job's committed count)
 * and left no partial row — what is there is exactly the first rows of the file, each whole; the
 * all-or-nothing import left nothing. Both jobs come back interrupted, ready to resume.
 */
class ImportCrashIT {

  private static final Map<String, String> ENV = Map.of("RELATA_ADMIN_PASSWORD", "crash-test-pass");
  private static final int ROWS = 3_000_000;

  private final Path dataDir = Path.of(System.getProperty("relata.test.work"), "crash", "data");

  @Test
  void aKilledServerLosesNoAcknowledgedRowAndLeavesNoPartialOne() throws Exception {
    RelataProcess.deleteTree(dataDir);
    String bestEffort = UUID.randomUUID().toString();
    String atomic = UUID.randomUUID().toString();
    long acknowledged;
    try (RelataProcess first = RelataProcess.start(dataDir, ENV)) {
      assertTrue(first.awaitReady(Duration.ofMinutes(4)), first::output);
      ApiClient api = api(first);
      define(api, "crash_item");
      define(api, "crash_atomic");
      CompletableFuture<HttpResponse<String>> slow =
          startImport(first, api, "crash_item", "best-effort", bestEffort);
      CompletableFuture<HttpResponse<String>> whole =
          startImport(first, api, "crash_atomic", "all-or-nothing", atomic);
      acknowledged = 0;
      long checked = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while ((acknowledged < 5_000 || checked < 5_000) && System.nanoTime() < deadline) {
        acknowledged = rows(api, bestEffort, "done");
        checked = rows(api, atomic, "checked");
      }
      assertTrue(acknowledged >= 5_000 && checked >= 5_000, "both imports got going");
      first.killServer();
      assertTrue(first.awaitExit(Duration.ofMinutes(2)) != null, first::output);
      assertTrue(slow.handle((r, e) -> r == null || r.statusCode() != 200).join(), "cut short");
      assertTrue(whole.handle((r, e) -> r == null || r.statusCode() != 200).join(), "cut short");
    }

    try (RelataProcess second = RelataProcess.start(dataDir, ENV)) {
      assertTrue(second.awaitReady(Duration.ofMinutes(4)), second::output);
      ApiClient api = api(second);
      JsonObject job = json(api.send("GET", "api/v1/imports/" + bestEffort, null));
      assertEquals("interrupted", job.getString("status"));
      long done = job.getJsonObject("rows").getJsonNumber("done").longValue();
      assertTrue(done >= acknowledged, "no acknowledged row lost: " + done + " < " + acknowledged);

      JsonObject stored = group(api, "crash_item", "count,min:seq,max:seq");
      assertEquals(
          done, stored.getJsonNumber("count").longValue(), "exactly what the job says is done");
      assertEquals(1, stored.getJsonNumber("min_seq").longValue());
      assertEquals(
          done, stored.getJsonNumber("max_seq").longValue(), "the first rows, none missing");
      HttpResponse<String> partial =
          api.send(
              "GET",
              "api/v1/records/crash_item/aggregate?metrics=count&filter="
                  + q("name is null or tag is null"),
              null);
      assertEquals(
          0,
          json(partial).getJsonArray("groups").getJsonObject(0).getInt("count"),
          "no partial row");

      assertEquals(
          "interrupted",
          json(api.send("GET", "api/v1/imports/" + atomic, null)).getString("status"));
      assertEquals(
          0, group(api, "crash_atomic", "count").getInt("count"), "all-or-nothing left nothing");
    }
  }

  private static CompletableFuture<HttpResponse<String>> startImport(
      RelataProcess server, ApiClient api, String object, String mode, String job) {
    HttpRequest request =
        HttpRequest.newBuilder(
                server.uri("/api/v1/records/" + object + "/import?mode=" + mode + "&job=" + job))
            .header("Authorization", "Bearer " + api.token())
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofInputStream(Rows::new))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A CSV file of {@value #ROWS} rows, made as it is read. */
  private static final class Rows extends InputStream {
    private byte[] line = "seq,name,tag\n".getBytes(StandardCharsets.UTF_8);
    private int at;
    private int next = 1;

    @Override
    public int read() {
      if (at == line.length) {
        if (next > ROWS) {
          return -1;
        }
        line = (next + ",Row " + next + ",t" + (next % 7) + "\n").getBytes(StandardCharsets.UTF_8);
        next++;
        at = 0;
      }
      return line[at++];
    }
  }

  private static long rows(ApiClient api, String job, String which) throws Exception {
    HttpResponse<String> answer = api.send("GET", "api/v1/imports/" + job, null);
    if (answer.statusCode() != 200) {
      return 0;
    }
    return json(answer).getJsonObject("rows").getJsonNumber(which).longValue();
  }

  private static JsonObject group(ApiClient api, String object, String metrics) throws Exception {
    HttpResponse<String> answer =
        api.send("GET", "api/v1/records/" + object + "/aggregate?metrics=" + metrics, null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer).getJsonArray("groups").getJsonObject(0);
  }

  private static void define(ApiClient api, String object) throws Exception {
    HttpResponse<String> put =
        api.send(
            "PUT",
            "api/v1/metadata/objects/" + object,
            "{\"name\": \""
                + object
                + "\", \"label\": \"Crash\", \"pluralLabel\": \"Crash\", \"nameField\": \"name\","
                + " \"fields\": [{\"name\": \"seq\", \"label\": \"Seq\", \"type\": \"number\", \"precision\": 12, \"scale\": 0, \"required\": true, \"unique\": true},"
                + " {\"name\": \"name\", \"label\": \"Name\", \"type\": \"text\", \"required\": true},"
                + " {\"name\": \"tag\", \"label\": \"Tag\", \"type\": \"text\", \"required\": true}]}");
    assertEquals(201, put.statusCode(), put.body());
  }

  private static ApiClient api(RelataProcess server) throws Exception {
    return ApiClient.signIn(new URL(server.uri("/").toString()), "admin", "crash-test-pass");
  }

  private static String q(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
