package io.relata.platform.record;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The records REST API in the real WAR on real PostgreSQL, as one story over the objects company,
 * deal, contact and deal_contact (a junction): create, read, change, list, aggregate, relate,
 * delete and restore — and every kind of bad input refused cleanly with nothing written.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordApiIT {

  private static ApiClient api;
  private static String companyId;
  private static String dealId;

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(RecordApiIT.class);
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
      api = TestUsers.signIn(base, users, passwords, clock, "seller");
      StoryObjects.define(api);
    }
  }

  @Test
  @Order(1)
  void aCreatedRecordGetsItsSystemFieldsDefaultsNumberFormulaAndFirstStage() throws Exception {
    HttpResponse<String> company =
        api.send(
            "POST",
            "api/v1/records/company",
            "{\"name\": \"Mäkinen Oy\", \"reg_no\": \"FI-1\", \"country\": \"fi\"}");
    assertEquals(201, company.statusCode(), company.body());
    companyId = json(company).getString("id");
    assertEquals(
        base.toURI().resolve("api/v1/records/company/" + companyId).toString(),
        company.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> created =
        api.send(
            "POST",
            "api/v1/records/deal",
            "{\"title\": \"Jørgen's renewal\", \"amount\": 1200.5, \"quantity\": 3,"
                + " \"company\": \""
                + companyId
                + "\", \"tags\": [\"renewal\", \"nordic\"],"
                + " \"notes\": \"<p>Call <b>Åsa</b><script>alert(1)</script><a href=\\\"javascript:x()\\\">x</a></p>\"}");

    assertEquals(201, created.statusCode(), created.body());
    JsonObject deal = json(created);
    dealId = deal.getString("id");
    assertEquals(7, UUID.fromString(dealId).version(), "ids are time-ordered UUIDs");
    assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
    assertEquals(1, deal.getInt("version"));
    assertEquals(deal.getString("owner_id"), deal.getString("created_by"));
    assertEquals(false, deal.getBoolean("strategic"), "the default applies");
    assertEquals("new", deal.getString("stage"), "a pipeline starts at its first stage");
    assertTrue(deal.getString("number").matches("D-[0-9]{4}"), deal.getString("number"));
    assertEquals("1200.50", deal.getJsonNumber("amount").toString(), "the field's scale");
    assertEquals("3601.50", deal.getJsonNumber("total").toString(), "the formula, on read");
    String notes = deal.getString("notes");
    assertTrue(notes.contains("<b>Åsa</b>"), notes);
    assertFalse(notes.contains("script") || notes.contains("javascript"), notes);

    JsonObject rolledUp = json(api.send("GET", "api/v1/records/company/" + companyId, null));
    assertEquals(1, rolledUp.getInt("deal_count"));
    assertEquals(
        0,
        rolledUp
            .getJsonNumber("deal_total")
            .bigDecimalValue()
            .compareTo(new java.math.BigDecimal("1200.50")));
  }

  @Test
  @Order(2)
  void aRecordReadsWithItsETagAndExpandedReferences() throws Exception {
    HttpResponse<String> read =
        api.send("GET", "api/v1/records/deal/" + dealId + "?expand=company,owner_id", null);
    assertEquals(200, read.statusCode(), read.body());
    assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
    JsonObject deal = json(read);
    assertEquals("Mäkinen Oy", deal.getJsonObject("company").getString("name"));
    assertEquals(companyId, deal.getJsonObject("company").getString("id"));
    assertTrue(deal.getJsonObject("owner_id").getString("name").startsWith("seller-"));

    assertEquals(
        404, api.send("GET", "api/v1/records/deal/" + UUID.randomUUID(), null).statusCode());
    assertEquals(404, api.send("GET", "api/v1/records/nothing/" + dealId, null).statusCode());
    assertEquals(404, api.send("GET", "api/v1/records/deal/not-an-id", null).statusCode());
    assertEquals(
        400, api.send("GET", "api/v1/records/deal/" + dealId + "?expand=title", null).statusCode());
  }

  @Test
  @Order(3)
  void aChangeNeedsTheCurrentVersionAndPassesThePipelineAndTheRules() throws Exception {
    HttpResponse<String> changed =
        api.send(
            "PATCH", "api/v1/records/deal/" + dealId, "{\"quantity\": 4}", "If-Match", "\"1\"");
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("\"2\"", changed.headers().firstValue("ETag").orElseThrow());
    assertEquals("4802.00", json(changed).getJsonNumber("total").toString());

    HttpResponse<String> stale =
        api.send(
            "PATCH", "api/v1/records/deal/" + dealId, "{\"quantity\": 5}", "If-Match", "\"1\"");
    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals(2, json(stale).getJsonObject("current").getInt("version"));
    assertEquals(4, json(stale).getJsonObject("current").getInt("quantity"));

    HttpResponse<String> skipped =
        api.send("PATCH", "api/v1/records/deal/" + dealId, "{\"stage\": \"won\"}");
    assertEquals(400, skipped.statusCode());
    assertEquals("record.stage-transition", firstError(skipped).getString("code"));

    HttpResponse<String> unqualified =
        api.send("PATCH", "api/v1/records/deal/" + dealId, "{\"stage\": \"qualified\"}");
    assertEquals(400, unqualified.statusCode());
    assertEquals("/close_date", firstError(unqualified).getString("pointer"));
    HttpResponse<String> swedish =
        api.send(
            "PATCH",
            "api/v1/records/deal/" + dealId,
            "{\"stage\": \"qualified\"}",
            "Accept-Language",
            "de-DE, sv-SE;q=0.8, en;q=0.5");
    assertEquals("Begäran är inte giltig", json(swedish).getString("title"));
    assertEquals("krävs i steget qualified", firstError(swedish).getString("message"));

    HttpResponse<String> rule =
        api.send("PATCH", "api/v1/records/deal/" + dealId, "{\"quantity\": 5000}");
    assertEquals(400, rule.statusCode());
    assertEquals("/quantity", firstError(rule).getString("pointer"));
    assertEquals("Nobody buys more than 1000 at once.", firstError(rule).getString("message"));

    HttpResponse<String> qualified =
        api.send(
            "PATCH",
            "api/v1/records/deal/" + dealId,
            "{\"stage\": \"qualified\", \"close_date\": \"2026-12-31\", \"quantity\": null}");
    assertEquals(200, qualified.statusCode(), qualified.body());
    assertEquals(JsonValue.NULL, json(qualified).get("total"), "unknown times anything is unknown");
  }

  @Test
  @Order(4)
  void badInputIsACleanClientErrorAndWritesNothing() throws Exception {
    String deal = "api/v1/records/deal";
    String one = deal + "/" + dealId;
    String megabyte = "x".repeat(1024 * 1024);
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    byte[] invalidUtf8 = {
      '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };
    List<Object[]> cases =
        List.of(
            bad("POST", deal, "{\"title\": \"x\", \"nope\": 1}", 400),
            bad("POST", deal, "{\"title\": 5}", 400),
            bad("POST", deal, "{\"title\": \"" + megabyte + "\"}", 400),
            bad(
                "POST",
                deal,
                "{\"title\": \"x\", \"notes\": \"" + megabyte + megabyte + "\"}",
                413),
            bad("POST", deal, "{\"title\": \"x\", \"amount\": NaN}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"amount\": Infinity}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"amount\": 1e309}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"amount\": -1}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"close_date\": \"10000-01-01\"}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"close_date\": \"0000-01-01\"}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"close_date\": \"2026-02-30\"}", 400),
            bad("POST", deal, "{\"title\": \"a\\u0000b\"}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"extra\": {\"k\": \"\\u0000\"}}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"extra\": " + deep + "}", 400),
            bad("POST", deal, deep, 400),
            bad("POST", deal, "{\"title\": \"x\", \"title\": \"y\"}", 400),
            bad("POST", deal, "{\"title\": \"x\"} trailing", 400),
            bad("POST", deal, "[1]", 400),
            bad("POST", deal, "", 400),
            bad("POST", deal, "{\"title\": \"x\", \"id\": \"" + UUID.randomUUID() + "\"}", 400),
            bad(
                "POST",
                deal,
                "{\"title\": \"x\", \"owner_id\": \"" + UUID.randomUUID() + "\"}",
                400),
            bad("POST", deal, "{\"title\": \"x\", \"tags\": [\"x' OR '1'='1\"]}", 400),
            bad(
                "POST",
                deal,
                "{\"title\": \"x\", \"company\": \"" + UUID.randomUUID() + "\"}",
                400),
            bad("POST", deal, "{\"title\": \"x\", \"company\": \"'; DROP TABLE deal; --\"}", 400),
            bad("POST", deal, "{\"title\": \"x\", \"stage\": \"won; --\"}", 400),
            bad("POST", "api/v1/records/deal%22%3B%20DROP%20TABLE%20x", "{\"title\": \"x\"}", 404),
            bad("POST", "api/v1/records/nothing", "{\"title\": \"x\"}", 404),
            bad("PATCH", one, "{\"amount\": \"12\"}", 400),
            bad("PATCH", one, "{\"title\": null}", 400),
            bad("PATCH", one, "{\"version\": 99}", 400),
            bad("PATCH", one, "{}", 400, "If-Match", "\"1' OR 1=1 --\""),
            bad("PATCH", deal + "/1'%20OR%20'1'='1", "{}", 404),
            bad("DELETE", deal + "/" + UUID.randomUUID(), null, 404),
            bad("DELETE", one, null, 409, "If-Match", "\"999\""),
            bad("GET", deal + "?filter=" + q("nope = 1"), null, 400),
            bad("GET", deal + "?filter=" + q("title; DROP TABLE deal = 1"), null, 400),
            bad("GET", deal + "?filter=" + q("title = 'x' OR 1=1"), null, 400),
            bad("GET", deal + "?filter=" + q("amount > \"1; DROP\""), null, 400),
            bad("GET", deal + "?filter=" + q("amount > 1e99999999"), null, 400),
            bad("GET", deal + "?filter=" + "(".repeat(4_001), null, 400),
            bad("GET", deal + "?sort=" + q("-amount; DROP TABLE deal"), null, 400),
            bad("GET", deal + "?sort=" + q("total"), null, 400),
            bad("GET", deal + "?fields=" + q("title,\"x\"--"), null, 400),
            bad("GET", deal + "?expand=" + q("company;select"), null, 400),
            bad("GET", deal + "?limit=" + q("1;drop"), null, 400),
            bad("GET", deal + "?limit=0", null, 400),
            bad("GET", deal + "?limit=201", null, 400),
            bad("GET", deal + "?cursor=" + q("' OR 1=1 --"), null, 400),
            bad("GET", deal + "?total=" + q("1 OR 1"), null, 400),
            bad("GET", deal + "/aggregate?groupBy=" + q("stage;drop"), null, 400),
            bad("GET", deal + "/aggregate?metrics=" + q("sum:amount)"), null, 400),
            bad("GET", deal + "/aggregate?groupBy=" + q("close_date:fortnight"), null, 400),
            bad("GET", one + "/related/" + q("deal_contact;drop"), null, 400),
            bad(
                "POST",
                deal + "/query",
                "{\"filter\": {\"field\": \"amount\", \"op\": \"; DROP\", \"value\": 1}}",
                400),
            bad(
                "POST",
                deal + "/query",
                "{\"filter\": {\"field\": \"amount\", \"op\": \">\", \"value\": 1}, \"sql\": 1}",
                400),
            bad("POST", deal + "/query", "{\"limit\": \"50; DROP\"}", 400));

    for (Object[] c : cases) {
      String before = snapshot();
      String[] headers = (String[]) c[4];
      HttpResponse<String> answer =
          c[2] instanceof byte[] bytes
              ? api.sendBytes((String) c[0], (String) c[1], bytes, headers)
              : api.send((String) c[0], (String) c[1], (String) c[2], headers);
      String what = c[0] + " " + abbreviate((String) c[1]) + " " + abbreviate(String.valueOf(c[2]));
      assertEquals((int) c[3], answer.statusCode(), what + " -> " + abbreviate(answer.body()));
      assertEquals(
          "application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), what);
      for (String leak :
          List.of("SQL", "org.", "Exception", "postgres", "relata.records", "at io.")) {
        assertFalse(answer.body().contains(leak), what + " leaks " + leak + ": " + answer.body());
      }
      assertEquals(before, snapshot(), what + " wrote something");
    }
    String before = snapshot();
    HttpResponse<String> utf8 = api.sendBytes("POST", deal, invalidUtf8);
    assertEquals(400, utf8.statusCode(), utf8.body());
    assertEquals(before, snapshot());
    HttpResponse<String> plain =
        api.send("POST", deal, "{\"title\": \"x\"}", "Content-Type", "text/plain");
    assertEquals(415, plain.statusCode());
    assertEquals(before, snapshot());
  }

  @Test
  @Order(5)
  void valuesWithSqlMetacharactersAreJustValues() throws Exception {
    HttpResponse<String> created =
        api.send(
            "POST",
            "api/v1/records/deal",
            "{\"title\": \"x' OR '1'='1\\\"; DROP TABLE deal; --\"}");
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> found =
        api.send(
            "GET",
            "api/v1/records/deal?filter=" + q("title = \"x' OR '1'='1\\\"; DROP TABLE deal; --\""),
            null);
    assertEquals(200, found.statusCode(), found.body());
    assertEquals(1, json(found).getJsonArray("items").size());
    HttpResponse<String> contains =
        api.send("GET", "api/v1/records/deal?filter=" + q("title contains \"%\""), null);
    assertEquals(0, json(contains).getJsonArray("items").size(), "% is matched literally");
    assertEquals(
        204,
        api.send("DELETE", "api/v1/records/deal/" + json(created).getString("id"), null)
            .statusCode());
  }

  @Test
  @Order(6)
  void pagesFollowTheSortAndStayStableWhileRecordsAreAdded() throws Exception {
    Set<String> originals = new LinkedHashSet<>();
    for (int i = 0; i < 30; i++) {
      String body =
          "{\"title\": \"Page "
              + (char) ('A' + i % 26)
              + i
              + "\", \"amount\": "
              + (i % 7) * 100
              + (i % 3 == 0 ? "" : ", \"close_date\": \"2026-0" + (1 + i % 9) + "-15\"")
              + ", \"company\": \""
              + companyId
              + "\"}";
      HttpResponse<String> created = api.send("POST", "api/v1/records/deal", body);
      assertEquals(201, created.statusCode(), created.body());
      originals.add(json(created).getString("id"));
    }
    int inserted = 0;
    for (String sort :
        List.of("-amount,quantity", "close_date", "-close_date,amount", "-created_at")) {
      List<String> seen = new ArrayList<>();
      List<JsonObject> records = new ArrayList<>();
      String cursor = null;
      int page = 0;
      do {
        String path =
            "api/v1/records/deal?filter="
                + q("title starts with \"Page\"")
                + "&sort="
                + q(sort)
                + "&limit=7&fields=title,amount,close_date,quantity,created_at"
                + (cursor == null ? "" : "&cursor=" + q(cursor));
        HttpResponse<String> answer = api.send("GET", path, null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject body = json(answer);
        if (page == 0) {
          assertEquals(30 + inserted, body.getJsonObject("total").getInt("count"));
          assertTrue(body.getJsonObject("total").getBoolean("exact"));
        }
        JsonArray items = body.getJsonArray("items");
        for (JsonValue item : items) {
          JsonObject record = item.asJsonObject();
          seen.add(record.getString("id"));
          records.add(record);
          assertFalse(record.containsKey("notes"), "only the fields asked for");
        }
        // a concurrent writer adds records on both sides of the page boundary
        HttpResponse<String> concurrent =
            api.send(
                "POST",
                "api/v1/records/deal",
                "{\"title\": \"Page new "
                    + sort
                    + page
                    + "\", \"amount\": "
                    + (page % 2 == 0 ? 600 : 0)
                    + ", \"company\": \""
                    + companyId
                    + "\"}");
        assertEquals(201, concurrent.statusCode(), concurrent.body());
        inserted++;
        cursor = body.isNull("nextCursor") ? null : body.getString("nextCursor");
        page++;
      } while (cursor != null);
      List<String> originalsSeen = seen.stream().filter(originals::contains).toList();
      assertEquals(originals.size(), originalsSeen.size(), sort + ": every original once");
      assertEquals(
          new HashSet<>(originalsSeen).size(), originalsSeen.size(), sort + ": no repeats");
      assertEquals(new HashSet<>(seen).size(), seen.size(), sort + ": no record twice");
      assertOrdered(records, sort);
    }
  }

  @Test
  @Order(7)
  void theJsonFormAnswersLikeTheTextForm() throws Exception {
    String text =
        api.send(
                "GET",
                "api/v1/records/deal?limit=200&sort=title&filter="
                    + q(
                        "amount >= 300 and (close_date = 2026-03-15 or close_date is null) and tags not in (\"hot\")"),
                null)
            .body();
    HttpResponse<String> fromJson =
        api.send(
            "POST",
            "api/v1/records/deal/query",
            "{\"limit\": 200, \"sort\": \"title\", \"filter\": {\"and\": ["
                + "{\"field\": \"amount\", \"op\": \">=\", \"value\": 300},"
                + "{\"or\": [{\"field\": \"close_date\", \"op\": \"=\", \"value\": \"2026-03-15\"},"
                + " {\"field\": \"close_date\", \"op\": \"is null\"}]},"
                + "{\"field\": \"tags\", \"op\": \"not in\", \"values\": [\"hot\"]}]}}");
    assertEquals(200, fromJson.statusCode(), fromJson.body());
    assertEquals(json(text).getJsonArray("items"), json(fromJson).getJsonArray("items"));
  }

  @Test
  @Order(8)
  void aggregatesGroupAndSummarise() throws Exception {
    HttpResponse<String> answer =
        api.send(
            "GET",
            "api/v1/records/deal/aggregate?groupBy=stage&metrics=count,sum:amount,max:close_date"
                + "&filter="
                + q("title starts with \"Page\""),
            null);
    assertEquals(200, answer.statusCode(), answer.body());
    JsonArray groups = json(answer).getJsonArray("groups");
    int count = 0;
    for (JsonValue group : groups) {
      count += group.asJsonObject().getInt("count");
    }
    long pages =
        count("select count(*) from records.deal where title like 'Page%' and deleted_at is null");
    assertEquals(pages, count);
    HttpResponse<String> monthly =
        api.send(
            "GET", "api/v1/records/deal/aggregate?groupBy=close_date:month&metrics=count", null);
    assertEquals(200, monthly.statusCode(), monthly.body());
    assertTrue(monthly.body().contains("\"close_date\":\"2026-03-01\""), monthly.body());

    // a forecast: amounts times their stage's probability, by month and owner, summed by the server
    HttpResponse<String> forecast =
        api.send(
            "GET",
            "api/v1/records/deal/aggregate?groupBy=close_date:month,owner_id"
                + "&metrics=weighted:amount,sum:amount",
            null);
    assertEquals(200, forecast.statusCode(), forecast.body());
    java.math.BigDecimal weighted = java.math.BigDecimal.ZERO;
    for (JsonValue group : json(forecast).getJsonArray("groups")) {
      assertTrue(group.asJsonObject().containsKey("owner_id"), group.toString());
      if (group.asJsonObject().get("weighted_amount").getValueType()
          == JsonValue.ValueType.NUMBER) {
        weighted =
            weighted.add(group.asJsonObject().getJsonNumber("weighted_amount").bigDecimalValue());
      }
    }
    java.math.BigDecimal expected =
        decimal(
            "select coalesce(sum(w), 0) from (select round(sum(amount * case stage"
                + " when 'new' then 10 when 'qualified' then 50 when 'won' then 100 else 0 end)"
                + " / 100, 2) w from records.deal where deleted_at is null"
                + " group by date_trunc('month', close_date), owner_id) g");
    assertEquals(0, expected.compareTo(weighted), expected + " != " + weighted);
    assertTrue(expected.signum() > 0, "the story's deals have amounts in weighted stages");
    HttpResponse<String> unknownRole =
        api.send("GET", "api/v1/records/deal/aggregate?role=nobody", null);
    assertEquals(400, unknownRole.statusCode(), unknownRole.body());
    HttpResponse<String> company =
        api.send("GET", "api/v1/records/company/aggregate?metrics=weighted:deal_total", null);
    assertEquals(400, company.statusCode(), company.body());
  }

  private java.math.BigDecimal decimal(String sql) throws Exception {
    try (var connection = dataSource.getConnection();
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getBigDecimal(1);
    }
  }

  @Test
  @Order(9)
  void relatedListsAndJunctionsReachTheOtherSide() throws Exception {
    HttpResponse<String> deals =
        api.send(
            "GET",
            "api/v1/records/company/" + companyId + "/related/deal?limit=200&fields=title",
            null);
    assertEquals(200, deals.statusCode(), deals.body());
    long live =
        count(
            "select count(*) from records.deal where company = '"
                + companyId
                + "' and deleted_at is null");
    assertEquals(live, json(deals).getJsonObject("total").getInt("count"));

    String contact =
        json(api.send(
                "POST",
                "api/v1/records/contact",
                "{\"full_name\": \"Åsa Öberg\", \"employer\": \"" + companyId + "\"}"))
            .getString("id");
    HttpResponse<String> link =
        api.send(
            "POST",
            "api/v1/records/deal_contact",
            "{\"deal\": \""
                + dealId
                + "\", \"contact\": \""
                + contact
                + "\", \"role\": \"buyer\"}");
    assertEquals(201, link.statusCode(), link.body());
    HttpResponse<String> contacts =
        api.send(
            "GET", "api/v1/records/deal/" + dealId + "/related/deal_contact?expand=contact", null);
    assertEquals(200, contacts.statusCode(), contacts.body());
    assertEquals(
        "Åsa Öberg",
        json(contacts)
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonObject("contact")
            .getString("name"));
    HttpResponse<String> restricted =
        api.send("DELETE", "api/v1/records/company/" + companyId, null);
    assertEquals(
        409, restricted.statusCode(), "a restrict lookup from a live contact stops the delete");
    assertEquals(204, api.send("DELETE", "api/v1/records/contact/" + contact, null).statusCode());
  }

  @Test
  @Order(10)
  void deletingAParentRecyclesItsChildrenAndRestoringBringsThemBack() throws Exception {
    long children =
        count(
            "select count(*) from records.deal where company = '"
                + companyId
                + "' and deleted_at is null");
    assertTrue(children > 30);
    assertEquals(204, api.send("DELETE", "api/v1/records/company/" + companyId, null).statusCode());
    assertEquals(404, api.send("GET", "api/v1/records/company/" + companyId, null).statusCode());
    assertEquals(404, api.send("GET", "api/v1/records/deal/" + dealId, null).statusCode());
    assertEquals(
        0,
        count(
            "select count(*) from records.deal where company = '"
                + companyId
                + "' and deleted_at is null"));
    assertEquals(
        children,
        count(
            "select count(*) from relata.audit_entry where action = 'record.delete'"
                + " and object = 'deal' and detail->'cascadedFrom'->>'id' = '"
                + companyId
                + "'"),
        "each record the delete took along has an audit entry of its own");
    HttpResponse<String> bin = api.send("GET", "api/v1/records/company/recycle-bin", null);
    assertTrue(bin.body().contains(companyId), bin.body());

    HttpResponse<String> restored =
        api.send("POST", "api/v1/records/company/" + companyId + "/restore", null);
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(
        children,
        count(
            "select count(*) from records.deal where company = '"
                + companyId
                + "' and deleted_at is null"));
    assertEquals(children, json(restored).getInt("deal_count"));

    String doomed =
        json(api.send("POST", "api/v1/records/company", "{\"name\": \"Doomed\"}")).getString("id");
    assertEquals(
        404,
        api.send("DELETE", "api/v1/records/company/recycle-bin/" + doomed, null).statusCode(),
        "only the recycle bin is purged");
    assertEquals(204, api.send("DELETE", "api/v1/records/company/" + doomed, null).statusCode());
    assertEquals(
        204, api.send("DELETE", "api/v1/records/company/recycle-bin/" + doomed, null).statusCode());
    assertEquals(0, count("select count(*) from records.company where id = '" + doomed + "'"));

    HttpResponse<String> duplicate =
        api.send("POST", "api/v1/records/company", "{\"name\": \"Copy\", \"reg_no\": \"FI-1\"}");
    assertEquals(409, duplicate.statusCode(), duplicate.body());
    assertEquals("/reg_no", firstError(duplicate).getString("pointer"));
  }

  @Test
  @Order(11)
  void twoWritersWithOneETagExactlyOneWins() throws Exception {
    String etag =
        api.send("GET", "api/v1/records/deal/" + dealId, null)
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String title = "Writer " + i;
      writers.add(
          pool.submit(
              () -> {
                start.await();
                return api.send(
                        "PATCH",
                        "api/v1/records/deal/" + dealId,
                        "{\"title\": \"" + title + "\"}",
                        "If-Match",
                        etag)
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> writer : writers) {
      statuses.add(writer.get());
    }
    pool.shutdown();
    statuses.sort(null);
    assertEquals(List.of(200, 409), statuses);
  }

  @Test
  @Order(12)
  void aThousandConcurrentIncrementsWithRetrySumExactly() throws Exception {
    String counter =
        json(api.send("POST", "api/v1/records/deal", "{\"title\": \"Counter\", \"quantity\": 0}"))
            .getString("id");
    String path = "api/v1/records/deal/" + counter;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> increments = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      increments.add(
          () -> {
            for (int attempt = 1; ; attempt++) {
              HttpResponse<String> read = api.send("GET", path, null);
              int quantity = json(read).getInt("quantity");
              HttpResponse<String> write =
                  api.send(
                      "PATCH",
                      path,
                      "{\"quantity\": " + (quantity + 1) + "}",
                      "If-Match",
                      read.headers().firstValue("ETag").orElseThrow());
              if (write.statusCode() == 200) {
                return attempt;
              }
              assertEquals(409, write.statusCode(), write.body());
            }
          });
    }
    int attempts = 0;
    for (Future<Integer> done : pool.invokeAll(increments)) {
      attempts += done.get();
    }
    pool.shutdown();
    JsonObject result = json(api.send("GET", path, null));
    assertEquals(1000, result.getInt("quantity"));
    assertEquals(1001, result.getInt("version"));
    assertTrue(attempts > 1000, "the writers did collide: " + attempts + " attempts");
  }

  @Test
  @Order(13)
  void underConcurrentRequestsEachRecordBelongsToWhoeverCreatedIt() throws Exception {
    ApiClient other = TestUsers.signIn(base, users, passwords, clock, "buyer");
    String sellerId = json(api.send("GET", "api/v1/users/me", null)).getString("id");
    String buyerId = json(other.send("GET", "api/v1/users/me", null)).getString("id");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<String>> creates = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ApiClient client = i % 2 == 0 ? api : other;
      String expected = i % 2 == 0 ? sellerId : buyerId;
      int n = i;
      creates.add(
          () -> {
            JsonObject created =
                json(client.send("POST", "api/v1/records/deal", "{\"title\": \"Who " + n + "\"}"));
            return created.getString("owner_id").equals(expected)
                    && created.getString("created_by").equals(expected)
                ? null
                : "record " + n + " owned by " + created.getString("owner_id");
          });
    }
    List<String> wrong = new ArrayList<>();
    for (Future<String> done : pool.invokeAll(creates)) {
      if (done.get() != null) {
        wrong.add(done.get());
      }
    }
    pool.shutdown();
    assertEquals(List.of(), wrong);
  }

  @Test
  @Order(14)
  void searchFoldsCaseAndAccentsMatchesPrefixesAndRanksNamesFirst() throws Exception {
    String asa = create("contact", "{\"full_name\": \"Åsa Öberg\"}");
    String jorgen = create("company", "{\"name\": \"Jørgen Hansen ApS\"}");
    String inNotes =
        create(
            "deal", "{\"title\": \"Quarterly review\", \"notes\": \"<p>Ask Jørgen about it</p>\"}");
    String named = create("deal", "{\"title\": \"Jørgen expansion\"}");

    assertEquals(List.of(asa), hits("q=" + q("asa oberg")));
    assertEquals(List.of(asa, dealId), hits("q=" + q("ÅSA")), "her name, then a deal's notes");
    assertTrue(hits("q=" + q("jorg")).containsAll(List.of(jorgen, inNotes, named)));
    List<String> deals = hits("q=" + q("Jørgen") + "&objects=deal");
    assertTrue(
        deals.indexOf(named) >= 0 && deals.indexOf(named) < deals.indexOf(inNotes),
        "a match in the name ranks above one in the notes: " + deals);
    assertTrue(hits("q=" + q("mäki")).contains(companyId));
    assertTrue(hits("q=" + q("MAKINEN")).contains(companyId));

    HttpResponse<String> listed =
        api.send("GET", "api/v1/records/company?q=" + q("hansen") + "&fields=name", null);
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(jorgen, json(listed).getJsonArray("items").getJsonObject(0).getString("id"));

    for (String odd : List.of("a & b | !c:*", "x' OR 1=1 --", "(((", "\\", "<->")) {
      HttpResponse<String> answer = api.send("GET", "api/v1/search?q=" + q(odd), null);
      assertTrue(
          answer.statusCode() == 200 || answer.statusCode() == 400, odd + " -> " + answer.body());
    }
    assertEquals(400, api.send("GET", "api/v1/search?q=" + q("   "), null).statusCode());
    assertEquals(400, api.send("GET", "api/v1/search?q=x&objects=nothing", null).statusCode());
  }

  @Test
  @Order(15)
  void bulkChangesEachRecordThroughThePipelineAndReportsEachRefusal() throws Exception {
    String a = create("company", "{\"name\": \"Bulk A\"}");
    String b = create("company", "{\"name\": \"Bulk B\"}");
    String missing = UUID.randomUUID().toString();

    HttpResponse<String> updated =
        api.send(
            "POST",
            "api/v1/records/company/bulk",
            "{\"action\": \"update\", \"ids\": [\""
                + a
                + "\", \""
                + b
                + "\", \""
                + missing
                + "\"], \"values\": {\"country\": \"se\"}}");
    assertEquals(200, updated.statusCode(), updated.body());
    JsonObject answer = json(updated);
    assertEquals(2, answer.getJsonObject("records").getInt("succeeded"));
    assertEquals(1, answer.getJsonObject("records").getInt("failed"));
    assertEquals(missing, answer.getJsonArray("errors").getJsonObject(0).getString("id"));
    assertEquals(
        "se", json(api.send("GET", "api/v1/records/company/" + b, null)).getString("country"));
    JsonObject job = json(api.send("GET", "api/v1/bulk/" + answer.getString("job"), null));
    assertEquals("completed", job.getString("status"));
    assertEquals(3, job.getJsonObject("records").getInt("done"));

    HttpResponse<String> bad =
        api.send("POST", "api/v1/records/company/bulk", "{\"action\": \"explode\", \"ids\": []}");
    assertEquals(400, bad.statusCode(), bad.body());

    HttpResponse<String> deleted =
        api.send(
            "POST",
            "api/v1/records/company/bulk",
            "{\"action\": \"delete\", \"filter\": \"name = \\\"Bulk A\\\"\"}");
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(1, json(deleted).getJsonObject("records").getInt("succeeded"));
    assertEquals(404, api.send("GET", "api/v1/records/company/" + a, null).statusCode());
  }

  @Test
  @Order(16)
  void todayInAFilterIsTheUsersTodayAndOldFormulaSyntaxIsRefusedWithAHint() throws Exception {
    // Kiritimati (UTC+14) and Etc/GMT+12 (UTC-12) are always on different dates
    java.time.ZoneId ahead = java.time.ZoneId.of("Pacific/Kiritimati");
    java.time.LocalDate aheadToday = java.time.LocalDate.now(clock.withZone(ahead));
    String deal =
        create(
            "deal", "{\"title\": \"Dated in Kiritimati\", \"close_date\": \"" + aheadToday + "\"}");
    String filter =
        "api/v1/records/deal?filter=" + q("close_date = today and title = \"Dated in Kiritimati\"");
    try (Connection connection = dataSource.getConnection()) {
      setZone(connection, "Pacific/Kiritimati");
      assertEquals(List.of(deal), ids(api.send("GET", filter, null)));
      setZone(connection, "Etc/GMT+12");
      assertEquals(List.of(), ids(api.send("GET", filter, null)));
    }

    HttpResponse<String> doubleEquals =
        api.send("GET", "api/v1/records/deal?filter=" + q("title == \"x\""), null);
    assertEquals(400, doubleEquals.statusCode(), doubleEquals.body());
    assertEquals("condition.double-equals", firstError(doubleEquals).getString("code"));
    assertTrue(
        firstError(doubleEquals).getString("message").contains("single ="), doubleEquals.body());
  }

  private static void setZone(Connection connection, String zone) throws Exception {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE relata.app_user SET time_zone = ? WHERE username LIKE 'seller-%'")) {
      update.setString(1, zone);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static List<String> ids(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer).getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getString("id"))
        .toList();
  }

  private static String create(String object, String body) throws Exception {
    HttpResponse<String> created = api.send("POST", "api/v1/records/" + object, body);
    assertEquals(201, created.statusCode(), created.body());
    return json(created).getString("id");
  }

  private static List<String> hits(String query) throws Exception {
    HttpResponse<String> answer = api.send("GET", "api/v1/search?" + query, null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer).getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("id"))
        .toList();
  }

  /** Each record comes strictly after the one before it in the sort, id breaking ties. */
  private static void assertOrdered(List<JsonObject> records, String sort) {
    String[] keys = sort.split(",");
    boolean idDescending = keys[keys.length - 1].startsWith("-");
    for (int i = 1; i < records.size(); i++) {
      JsonObject a = records.get(i - 1);
      JsonObject b = records.get(i);
      int order = 0;
      for (String key : keys) {
        boolean descending = key.startsWith("-");
        String name = descending ? key.substring(1) : key;
        int ascending = ascending(a.get(name), b.get(name), name);
        order = descending ? -ascending : ascending;
        if (order != 0) {
          break;
        }
      }
      if (order == 0) {
        int byId = a.getString("id").compareTo(b.getString("id"));
        order = idDescending ? -byId : byId;
      }
      assertTrue(order < 0, sort + ": " + a + " before " + b);
    }
  }

  /** PostgreSQL's ascending order: nulls last. */
  private static int ascending(JsonValue a, JsonValue b, String name) {
    boolean aNull = a == null || a == JsonValue.NULL;
    boolean bNull = b == null || b == JsonValue.NULL;
    if (aNull || bNull) {
      return aNull == bNull ? 0 : aNull ? 1 : -1;
    }
    if (a instanceof jakarta.json.JsonNumber x) {
      return x.bigDecimalValue().compareTo(((jakarta.json.JsonNumber) b).bigDecimalValue());
    }
    String x = ((jakarta.json.JsonString) a).getString();
    String y = ((jakarta.json.JsonString) b).getString();
    return name.equals("created_at")
        ? OffsetDateTime.parse(x).compareTo(OffsetDateTime.parse(y))
        : x.compareTo(y);
  }

  @Test
  @Order(17)
  void eachUserKeepsViewsOfTheirOwn() throws Exception {
    String path = "api/v1/users/me/views/deal/";
    String big =
        "{\"label\":\"Big deals\",\"columns\":[\"title\",\"amount\",\"stage\"],"
            + "\"filter\":\"amount > 1000\",\"sort\":[\"-amount\"]}";
    HttpResponse<String> created = api.send("PUT", path + "big_deals", big);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(200, api.send("PUT", path + "big_deals", big).statusCode());
    HttpResponse<String> listed = api.send("GET", path, null);
    assertEquals(200, listed.statusCode(), listed.body());
    JsonObject view = json(listed).getJsonArray("items").getJsonObject(0);
    assertEquals("big_deals", view.getString("name"));
    assertEquals("amount > 1000", view.getString("filter"));

    // what a list cannot show is refused at its place, and nothing is saved
    long before = count("select count(*) from relata.personal_view");
    HttpResponse<String> refused =
        api.send(
            "PUT",
            path + "broken",
            "{\"label\":\"Broken\",\"columns\":[\"title\",\"nothing\"],"
                + "\"filter\":\"amount >\",\"sort\":[\"-nothing_either\"]}");
    assertEquals(400, refused.statusCode(), refused.body());
    for (String pointer : List.of("/columns/1", "/filter", "/sort/0")) {
      assertTrue(refused.body().contains("\"" + pointer + "\""), pointer + ": " + refused.body());
    }
    assertEquals(before, count("select count(*) from relata.personal_view"));
    assertEquals(400, api.send("PUT", path + "Bad%20Name", big).statusCode());
    assertEquals(404, api.send("PUT", "api/v1/users/me/views/nothing/x", big).statusCode());

    // another user sees none of them, and cannot delete them
    ApiClient other = TestUsers.signIn(base, users, passwords, clock, "other");
    HttpResponse<String> theirs = other.send("GET", path, null);
    assertEquals(0, json(theirs).getJsonArray("items").size(), theirs.body());
    assertEquals(404, other.send("DELETE", path + "big_deals", null).statusCode());

    assertEquals(204, api.send("DELETE", path + "big_deals", null).statusCode());
    assertEquals(404, api.send("DELETE", path + "big_deals", null).statusCode());
  }

  @Test
  @Order(18)
  void eachUserKeepsDashboardsOfTheirOwn() throws Exception {
    String path = "api/v1/users/me/dashboards/";
    String mine =
        "{\"label\":\"My deals\",\"widgets\":[{\"type\":\"bar\",\"title\":\"By stage\","
            + "\"object\":\"deal\",\"groupBy\":\"stage\",\"measure\":\"sum:amount\"}]}";
    HttpResponse<String> created = api.send("PUT", path + "my_deals", mine);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(200, api.send("PUT", path + "my_deals", mine).statusCode());
    HttpResponse<String> read = api.send("GET", path + "my_deals", null);
    assertEquals(200, read.statusCode(), read.body());
    assertEquals("My deals", json(read).getString("label"));

    long before = count("select count(*) from relata.personal_dashboard");
    HttpResponse<String> refused =
        api.send(
            "PUT",
            path + "broken",
            "{\"label\":\"Broken\",\"widgets\":[{\"type\":\"bar\",\"title\":\"x\","
                + "\"object\":\"nothing\",\"groupBy\":\"stage\",\"measure\":\"count\"}]}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"/widgets/0/object\""), refused.body());
    assertEquals(before, count("select count(*) from relata.personal_dashboard"));

    ApiClient other = TestUsers.signIn(base, users, passwords, clock, "other");
    HttpResponse<String> theirs = other.send("GET", path, null);
    assertEquals(0, json(theirs).getJsonArray("items").size(), theirs.body());
    assertEquals(404, other.send("GET", path + "my_deals", null).statusCode());
    assertEquals(204, api.send("DELETE", path + "my_deals", null).statusCode());
    assertEquals(404, api.send("DELETE", path + "my_deals", null).statusCode());
  }

  private static Object[] bad(
      String method, String path, String body, int status, String... headers) {
    return new Object[] {method, path, body, status, headers};
  }

  private static JsonObject firstError(HttpResponse<String> answer) {
    return json(answer).getJsonArray("errors").getJsonObject(0);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  /** Rows, versions and the auto-number sequence of every object table: a write changes it. */
  private String snapshot() throws Exception {
    StringBuilder state = new StringBuilder();
    for (String table : List.of("company", "deal", "contact", "deal_contact")) {
      state
          .append(table)
          .append(':')
          .append(
              value(
                  "select count(*) || '/' || coalesce(sum(version), 0) || '/' || count(deleted_at) from records."
                      + table))
          .append(' ');
    }
    return state
        .append(value("select last_value || '/' || is_called from records.deal_number_seq"))
        .toString();
  }

  private long count(String sql) throws Exception {
    return Long.parseLong(value(sql));
  }

  private String value(String sql) throws Exception {
    try (var connection = dataSource.getConnection();
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
