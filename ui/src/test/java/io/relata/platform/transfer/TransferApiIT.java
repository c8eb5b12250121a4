package io.relata.platform.transfer;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.ApiClient;
import io.relata.testing.Deployments;
import io.relata.testing.StoryObjects;
import io.relata.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Import and export over real HTTP on real PostgreSQL: Nordic Excel files, per-row errors in both
 * modes, dry runs, upserts, NDJSON, resumption of a job, and exports that no spreadsheet will run.
 */
@ExtendWith(ArquillianExtension.class)
class TransferApiIT {

  private static ApiClient api;

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(TransferApiIT.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/relata")
  private DataSource dataSource;

  @BeforeEach
  void signIn() throws Exception {
    if (api == null) {
      api = TestUsers.signIn(base, users, passwords, clock, "importer");
      StoryObjects.define(api);
    }
  }

  @Test
  void aNordicExcelFileImportsWithItsEncodingDelimiterDecimalCommaAndDates() throws Exception {
    String csv =
        "Title;Amount;Close date;Tags;Strategic\r\n"
            + "Nordic Jörgen Åkesson;1 234,50;31.12.2026;hot;renewal;x\r\n"
            + "Nordic Mäkinen;99,9;1.2.2027;;no\r\n";
    byte[] windows1252 =
        csv.replace(";hot;renewal;", ";\"hot;renewal\";").getBytes(Charset.forName("windows-1252"));

    HttpResponse<String> imported = importFile("deal", windows1252, "text/csv", "");

    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(2, json(imported).getJsonObject("rows").getInt("written"), imported.body());
    JsonObject jorgen = find("deal", "title = \"Nordic Jörgen Åkesson\"");
    assertEquals("1234.50", jorgen.getJsonNumber("amount").toString());
    assertEquals("2026-12-31", jorgen.getString("close_date"));
    assertEquals(List.of("hot", "renewal"), strings(jorgen.getJsonArray("tags")));
    assertTrue(jorgen.getBoolean("strategic"));
    JsonObject makinen = find("deal", "title = \"Nordic Mäkinen\"");
    assertEquals("99.90", makinen.getJsonNumber("amount").toString());
    assertEquals("2027-02-01", makinen.getString("close_date"));

    byte[] utf8WithBom =
        ("\uFEFFtitle,amount\n\"Comma, Åsa\",10.5\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> bom = importFile("deal", utf8WithBom, "text/csv", "");
    assertEquals(1, json(bom).getJsonObject("rows").getInt("written"), bom.body());
    assertEquals(
        "10.50", find("deal", "title = \"Comma, Åsa\"").getJsonNumber("amount").toString());
  }

  @Test
  void bestEffortWritesTheGoodRowsAndReportsTheBadOnesByRowAndField() throws Exception {
    String csv =
        "title,amount,close_date,quantity\n"
            + "Effort 1,10,2026-01-01,1\n"
            + "Effort 2,abc,2026-01-01,1\n"
            + "Effort 3,30,2026-01-01,1\n"
            + "Effort 4,40,2026-13-45,1\n"
            + "Effort 5,50,2026-01-01,5000\n"
            + ",60,2026-01-01,1\n";

    HttpResponse<String> answer =
        importFile("deal", csv.getBytes(StandardCharsets.UTF_8), "text/csv", "mode=best-effort");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject result = json(answer);
    assertEquals(2, result.getJsonObject("rows").getInt("written"));
    assertEquals(4, result.getJsonObject("rows").getInt("failed"));
    JsonArray errors = result.getJsonArray("errors");
    assertEquals(2, errors.getJsonObject(0).getInt("row"));
    assertEquals(
        "/amount",
        errors.getJsonObject(0).getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals(
        "/close_date",
        errors.getJsonObject(1).getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals(
        "Nobody buys more than 1000 at once.",
        errors.getJsonObject(2).getJsonArray("errors").getJsonObject(0).getString("message"));
    assertEquals(
        "/title",
        errors.getJsonObject(3).getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals(2, count("select count(*) from records.deal where title like 'Effort %'"));

    HttpResponse<String> progress =
        api.send("GET", "api/v1/imports/" + result.getString("job"), null);
    assertEquals(200, progress.statusCode(), progress.body());
    assertEquals("completed", json(progress).getString("status"));
    assertEquals(6, json(progress).getJsonObject("rows").getInt("done"));
    assertEquals(4, json(progress).getJsonArray("errors").size());
  }

  @Test
  void allOrNothingAndDryRunsWriteNothingButStillReportEveryBadRow() throws Exception {
    String csv = "title,amount\nAtomic 1,1\nAtomic 2,-5\nAtomic 3,3\n";
    long sequence = count("select last_value from records.deal_number_seq");
    HttpResponse<String> atomic =
        importFile("deal", csv.getBytes(StandardCharsets.UTF_8), "text/csv", "");
    assertEquals(200, atomic.statusCode(), atomic.body());
    assertEquals("failed", json(atomic).getString("status"));
    assertEquals(0, json(atomic).getJsonObject("rows").getInt("written"));
    assertEquals(2, json(atomic).getJsonArray("errors").getJsonObject(0).getInt("row"));
    assertEquals(0, count("select count(*) from records.deal where title like 'Atomic %'"));

    String good = "title,amount\nDry 1,1\nDry 2,2\n";
    HttpResponse<String> dry =
        importFile(
            "deal",
            good.getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "dryRun=true&mode=best-effort");
    assertEquals(200, dry.statusCode(), dry.body());
    assertEquals(0, json(dry).getJsonObject("rows").getInt("written"));
    assertEquals(0, json(dry).getJsonObject("rows").getInt("failed"));
    assertEquals(0, count("select count(*) from records.deal where title like 'Dry %'"));
    assertTrue(count("select last_value from records.deal_number_seq") >= sequence);
  }

  @Test
  void upsertByAUniqueFieldUpdatesWhatExistsAndAddsTheRest() throws Exception {
    String first = "name,reg_no,country\nUpsert Alpha,UP-1,fi\nUpsert Beta,UP-2,se\n";
    assertEquals(
        2,
        json(importFile(
                "company", first.getBytes(StandardCharsets.UTF_8), "text/csv", "upsertBy=reg_no"))
            .getJsonObject("rows")
            .getInt("written"));
    String alpha = find("company", "reg_no = \"UP-1\"").getString("id");

    String second = "name,reg_no,country\nUpsert Alpha Oy,UP-1,fi\nUpsert Gamma,UP-3,no\n";
    HttpResponse<String> again =
        importFile(
            "company", second.getBytes(StandardCharsets.UTF_8), "text/csv", "upsertBy=reg_no");
    assertEquals(200, again.statusCode(), again.body());
    JsonObject updated = find("company", "reg_no = \"UP-1\"");
    assertEquals(alpha, updated.getString("id"), "the same record, changed");
    assertEquals("Upsert Alpha Oy", updated.getString("name"));
    assertEquals(2, updated.getInt("version"));
    assertEquals(3, count("select count(*) from records.company where reg_no like 'UP-%'"));

    assertEquals(
        400,
        importFile("company", second.getBytes(StandardCharsets.UTF_8), "text/csv", "upsertBy=name")
            .statusCode(),
        "only a unique field can key an upsert");
  }

  @Test
  void ndjsonRowsAreRecordsAndABadLineIsOneBadRow() throws Exception {
    String ndjson =
        "{\"title\": \"Line 1\", \"amount\": 1}\n"
            + "not json\n"
            + "\n"
            + "{\"title\": \"Line 3\", \"tags\": [\"hot\"]}\n";
    HttpResponse<String> answer =
        importFile(
            "deal",
            ndjson.getBytes(StandardCharsets.UTF_8),
            "application/x-ndjson",
            "format=ndjson&mode=best-effort");
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(2, json(answer).getJsonObject("rows").getInt("written"));
    assertEquals(2, json(answer).getJsonArray("errors").getJsonObject(0).getInt("row"));
  }

  @Test
  void aFileThatDoesNotFitTheObjectIsRefusedBeforeAnyRow() throws Exception {
    long before = count("select count(*) from records.deal");
    for (String[] bad :
        List.of(
            new String[] {"title,nope\nx,1\n", ""},
            new String[] {"title,total\nx,1\n", ""},
            new String[] {"title,id\nx,1\n", ""},
            new String[] {"title,title\nx,y\n", ""},
            new String[] {"title\nx\n", "mapping=" + q("[1]")},
            new String[] {"title\nx\n", "delimiter=" + q("'")},
            new String[] {"title\nx\n", "encoding=" + q("no-such; DROP")},
            new String[] {"title\nx\n", "mode=" + q("all")},
            new String[] {"title\nx\n", "job=" + q("1' OR '1'='1")})) {
      HttpResponse<String> answer =
          importFile("deal", bad[0].getBytes(StandardCharsets.UTF_8), "text/csv", bad[1]);
      assertEquals(400, answer.statusCode(), bad[0] + " " + bad[1] + " -> " + answer.body());
    }
    assertEquals(before, count("select count(*) from records.deal"));
    HttpResponse<String> mapped =
        importFile(
            "deal",
            "Deal name,Ignore me\nMapped 1,whatever\n".getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "mapping=" + q("{\"Deal name\": \"title\", \"Ignore me\": \"\"}"));
    assertEquals(1, json(mapped).getJsonObject("rows").getInt("written"), mapped.body());
  }

  @Test
  void anInterruptedJobResumesAfterItsLastCommittedRow() throws Exception {
    StringBuilder file = new StringBuilder("title,amount\n");
    for (int i = 1; i <= 10; i++) {
      file.append("Resume ").append(i).append(',').append(i).append('\n');
    }
    String lines = file.toString();
    String firstSix = String.join("\n", List.of(lines.split("\n")).subList(0, 7)) + "\n";
    String job = UUID.randomUUID().toString();
    HttpResponse<String> partial =
        importFile(
            "deal",
            firstSix.getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "mode=best-effort&job=" + job);
    assertEquals(6, json(partial).getJsonObject("rows").getInt("written"), partial.body());
    execute("update relata.import_job set status = 'interrupted' where id = '" + job + "'");

    HttpResponse<String> resumed =
        importFile(
            "deal",
            lines.getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "mode=best-effort&job=" + job);

    assertEquals(200, resumed.statusCode(), resumed.body());
    assertEquals(6, json(resumed).getJsonObject("rows").getInt("skipped"));
    assertEquals(4, json(resumed).getJsonObject("rows").getInt("written"));
    assertEquals(10, count("select count(*) from records.deal where title like 'Resume %'"));
    assertEquals(
        10, count("select count(distinct title) from records.deal where title like 'Resume %'"));
    assertEquals(
        409,
        importFile(
                "deal",
                lines.getBytes(StandardCharsets.UTF_8),
                "text/csv",
                "mode=best-effort&job=" + job)
            .statusCode(),
        "a completed job is done");
  }

  @Test
  void exportsStreamEveryMatchAndNeutraliseSpreadsheetFormulas() throws Exception {
    for (String title :
        List.of("=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "Export plain")) {
      HttpResponse<String> created =
          api.send(
              "POST",
              "api/v1/records/deal",
              "{\"title\": " + jakarta.json.Json.createValue(title) + ", \"amount\": 12.5}");
      assertEquals(201, created.statusCode(), created.body());
    }
    String filter = q("amount = 12.5");
    HttpResponse<String> csv =
        api.send(
            "GET",
            "api/v1/records/deal/export?filter=" + filter + "&fields=title,amount&sort=title",
            null);
    assertEquals(200, csv.statusCode(), csv.body());
    List<String> lines = List.of(csv.body().split("\r\n"));
    assertEquals("\"title\",\"amount\"", lines.get(0));
    assertTrue(lines.contains("\"'+1+1\",\"12.50\""), csv.body());
    assertTrue(lines.contains("\"'-2\",\"12.50\""), csv.body());
    assertTrue(lines.contains("\"'@SUM(A1)\",\"12.50\""), csv.body());
    assertTrue(lines.contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"12.50\""), csv.body());
    assertTrue(lines.contains("\"Export plain\",\"12.50\""), csv.body());

    HttpResponse<String> nordic =
        api.send(
            "GET",
            "api/v1/records/deal/export?filter="
                + filter
                + "&fields=title,amount&delimiter=;&bom=true",
            null);
    assertTrue(nordic.body().startsWith("\uFEFF\"title\";\"amount\""), nordic.body());
    assertTrue(nordic.body().contains("\"Export plain\";\"12,50\""), nordic.body());

    HttpResponse<String> ndjson =
        api.send("GET", "api/v1/records/deal/export?format=ndjson&filter=" + filter, null);
    assertEquals(200, ndjson.statusCode());
    assertEquals(5, ndjson.body().strip().split("\n").length);
    assertTrue(
        ndjson.body().contains("\"title\":\"=HYPERLINK(\\\"http://evil\\\")\""),
        "NDJSON is data for programs, not spreadsheets: " + ndjson.body());

    long all = count("select count(*) from records.deal where deleted_at is null");
    HttpResponse<String> everything =
        api.send("GET", "api/v1/records/deal/export?format=ndjson", null);
    assertEquals(all, everything.body().strip().split("\n").length);
    assertEquals(400, api.send("GET", "api/v1/records/deal/export?fields=nope", null).statusCode());
  }

  private HttpResponse<String> importFile(String object, byte[] body, String type, String query)
      throws Exception {
    return api.sendBytes(
        "POST",
        "api/v1/records/" + object + "/import" + (query.isEmpty() ? "" : "?" + query),
        body,
        "Content-Type",
        type);
  }

  private JsonObject find(String object, String filter) throws Exception {
    HttpResponse<String> answer =
        api.send("GET", "api/v1/records/" + object + "?filter=" + q(filter), null);
    assertEquals(200, answer.statusCode(), answer.body());
    JsonArray items = json(answer).getJsonArray("items");
    assertEquals(1, items.size(), answer.body());
    return items.getJsonObject(0);
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private long count(String sql) throws Exception {
    try (var connection = dataSource.getConnection();
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (var connection = dataSource.getConnection()) {
      connection.createStatement().execute(sql);
    }
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
