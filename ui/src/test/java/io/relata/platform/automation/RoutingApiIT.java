package io.relata.platform.automation;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.SharedRelata;
import io.relata.testing.TestUsers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing story every CRM buyer asks about, end to end over HTTP in the real WAR on real
 * PostgreSQL, with its automations and assignment rules made through the metadata API only: a web
 * form creates a prospect of about 100 users, which goes to Karin in marketing (one of 10 goes to
 * Alan); Karin qualifies and converts it; the lead, of 50 users or more, goes to Daniel, the sales
 * manager, who hands it to a seller. Each owner's reason is on the record's timeline.
 */
@ExtendWith(SharedRelata.class)
class RoutingApiIT {

  private static final String SUFFIX = "r" + UUID.randomUUID().toString().substring(0, 6);
  private static final String PROSPECT = "prospect_" + SUFFIX;
  private static final String LEAD = "lead_" + SUFFIX;
  private static final String KARIN = "karin-" + SUFFIX;
  private static final String ALAN = "alan-" + SUFFIX;
  private static final String DANIEL = "daniel-" + SUFFIX;
  private static final String SELLER = "sally-" + SUFFIX;
  private static final String PASSWORD = "long-enough-pass";

  private final URL base = SharedRelata.url();

  @Test
  void aWebFormsProspectIsRoutedConvertedAndHandedOnWithTheReasonOnEachTimeline() throws Exception {
    ApiClient admin = TestUsers.signIn("admin");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + PROSPECT,
            "{\"label\":\"Prospect\",\"nameField\":\"company\",\"recordAccess\":\"private\","
                + "\"fields\":[{\"name\":\"company\",\"label\":\"Company\",\"type\":\"text\"},"
                + "{\"name\":\"users\",\"label\":\"Users\",\"type\":\"number\"}],"
                + "\"pipeline\":{\"stages\":["
                + "{\"name\":\"new\",\"label\":\"New\",\"probability\":0,\"category\":\"open\"},"
                + "{\"name\":\"qualified\",\"label\":\"Qualified\",\"probability\":50,"
                + "\"category\":\"open\",\"next\":[\"converted\"]},"
                + "{\"name\":\"converted\",\"label\":\"Converted\",\"probability\":100,"
                + "\"category\":\"won\"}]}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + LEAD,
            "{\"label\":\"Lead\",\"nameField\":\"company\",\"recordAccess\":\"private\","
                + "\"fields\":[{\"name\":\"company\",\"label\":\"Company\",\"type\":\"text\"},"
                + "{\"name\":\"users\",\"label\":\"Users\",\"type\":\"number\"},"
                + "{\"name\":\"prospect\",\"label\":\"Prospect\",\"type\":\"lookup\","
                + "\"target\":\""
                + PROSPECT
                + "\",\"onDelete\":\"set-null\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/web_form_" + SUFFIX,
            "{\"label\":\"Web form\",\"objects\":{\""
                + PROSPECT
                + "\":{\"create\":true,\"read\":true,\"edit\":true}}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/marketing_" + SUFFIX,
            "{\"label\":\"Marketing\",\"objects\":{\""
                + PROSPECT
                + "\":{\"create\":true,\"read\":true,\"edit\":true}}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/sales_" + SUFFIX,
            "{\"label\":\"Sales\",\"objects\":{\""
                + LEAD
                + "\":{\"create\":true,\"read\":true,\"edit\":true}}}"));
    user(admin, "webform-" + SUFFIX, "web_form_" + SUFFIX);
    String karinId = user(admin, KARIN, "marketing_" + SUFFIX);
    user(admin, ALAN, "marketing_" + SUFFIX);
    String danielId = user(admin, DANIEL, "sales_" + SUFFIX);
    String sally = user(admin, SELLER, "sales_" + SUFFIX);

    // the rules and automations, through the metadata API only
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/assignment-rules/prospects_" + SUFFIX,
            "{\"label\":\"Prospect routing\",\"object\":\""
                + PROSPECT
                + "\",\"rules\":[{\"label\":\"More than 50 users\",\"condition\":\"users > 50\","
                + "\"assignTo\":{\"user\":\""
                + KARIN
                + "\"}}],\"fallback\":{\"user\":\""
                + ALAN
                + "\"}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/assignment-rules/leads_" + SUFFIX,
            "{\"label\":\"Lead routing\",\"object\":\""
                + LEAD
                + "\",\"rules\":[{\"label\":\"Large leads\",\"condition\":\"users >= 50\","
                + "\"assignTo\":{\"user\":\""
                + DANIEL
                + "\"}}],\"fallback\":{\"user\":\""
                + ALAN
                + "\"}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/route_prospects_" + SUFFIX,
            "{\"label\":\"Route new prospects\",\"object\":\""
                + PROSPECT
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"before\",\"on\":[\"create\"]},"
                + "\"actions\":[{\"type\":\"assign\",\"rules\":\"prospects_"
                + SUFFIX
                + "\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/convert_" + SUFFIX,
            "{\"label\":\"Convert to a lead\",\"object\":\""
                + PROSPECT
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"after\",\"on\":[\"update\"],"
                + "\"stage\":{\"enters\":\"converted\"}},"
                + "\"actions\":[{\"type\":\"create\",\"object\":\""
                + LEAD
                + "\",\"link\":\"prospect\",\"formulas\":{\"company\":\"company\","
                + "\"users\":\"users\"}}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/route_leads_" + SUFFIX,
            "{\"label\":\"Route converted leads\",\"object\":\""
                + LEAD
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"before\",\"on\":[\"create\"]},"
                + "\"actions\":[{\"type\":\"assign\",\"rules\":\"leads_"
                + SUFFIX
                + "\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/tell_owner_" + SUFFIX,
            "{\"label\":\"New lead\",\"object\":\""
                + LEAD
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"after\",\"on\":[\"create\"]},"
                + "\"actions\":[{\"type\":\"notify\",\"to\":{\"owner\":true},"
                + "\"message\":\"{company} is yours: {users} users\"}]}"));
    HttpResponse<String> unknown =
        admin.send(
            "PUT",
            "api/v1/metadata/automations/route_nowhere_" + SUFFIX,
            "{\"label\":\"Nowhere\",\"object\":\""
                + LEAD
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"before\",\"on\":[\"create\"]},"
                + "\"actions\":[{\"type\":\"assign\",\"rules\":\"prospects_"
                + SUFFIX
                + "\"}]}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("\"/actions/0/rules\""), unknown.body());
    assertTrue(unknown.body().contains("automation.unknown-assignment"), unknown.body());

    // the web form's prospects: about 100 users go to Karin, 10 to Alan
    ApiClient form = ApiClient.signIn(base, "webform-" + SUFFIX, PASSWORD);
    HttpResponse<String> big =
        form.send("POST", "api/v1/records/" + PROSPECT, "{\"company\":\"Big Co\",\"users\":100}");
    assertEquals(201, big.statusCode(), big.body());
    String bigId = json(big).getString("id");
    HttpResponse<String> small =
        form.send("POST", "api/v1/records/" + PROSPECT, "{\"company\":\"Small Co\",\"users\":10}");
    assertEquals(201, small.statusCode(), small.body());
    String smallId = json(small).getString("id");

    ApiClient karin = ApiClient.signIn(base, KARIN, PASSWORD);
    ApiClient alan = ApiClient.signIn(base, ALAN, PASSWORD);
    assertEquals(200, karin.send("GET", prospect(bigId), null).statusCode());
    assertEquals(404, karin.send("GET", prospect(smallId), null).statusCode(), "Alan's");
    assertEquals(200, alan.send("GET", prospect(smallId), null).statusCode());
    assertEquals(404, form.send("GET", prospect(bigId), null).statusCode(), "the form reads none");
    assertEquals(karinId, json(karin.send("GET", prospect(bigId), null)).getString("owner_id"));

    JsonObject bigWhy = because(karin, prospect(bigId), "route_prospects_" + SUFFIX);
    assertEquals("route_prospects_" + SUFFIX, bigWhy.getString("automation"));
    assertEquals("prospects_" + SUFFIX, bigWhy.getString("assignment"));
    assertEquals(1, bigWhy.getInt("rule"));
    assertEquals("More than 50 users", bigWhy.getString("label"));
    assertEquals("users > 50", bigWhy.getString("condition"));
    assertTrue(
        because(alan, prospect(smallId), "route_prospects_" + SUFFIX).getBoolean("fallback"));

    // Karin qualifies and converts it: the lead goes to Daniel, the sales manager
    ok(karin.send("PATCH", prospect(bigId), "{\"stage\":\"qualified\"}"));
    ok(karin.send("PATCH", prospect(bigId), "{\"stage\":\"converted\"}"));
    ApiClient daniel = ApiClient.signIn(base, DANIEL, PASSWORD);
    JsonArray leads =
        json(daniel.send("GET", "api/v1/records/" + LEAD, null)).getJsonArray("items");
    assertEquals(1, leads.size(), leads.toString());
    JsonObject lead = leads.getJsonObject(0);
    assertEquals("Big Co", lead.getString("company"));
    assertEquals(bigId, lead.getString("prospect"));
    assertEquals(danielId, lead.getString("owner_id"));
    String leadId = lead.getString("id");
    JsonObject leadWhy = because(daniel, lead(leadId), "route_leads_" + SUFFIX);
    assertTrue(
        because(daniel, lead(leadId), "convert_" + SUFFIX).getString("automation").length() > 0,
        "made by the conversion");
    assertEquals("route_leads_" + SUFFIX, leadWhy.getString("automation"));
    assertEquals("users >= 50", leadWhy.getString("condition"));
    JsonObject created = history(daniel, lead(leadId)).getJsonObject(0);
    assertEquals(KARIN, created.getJsonObject("actor").getString("name"), "Karin's conversion");

    // Daniel's bell says so; nobody else reads his notification
    JsonObject bell = json(daniel.send("GET", "api/v1/notifications", null));
    assertEquals(1, bell.getInt("unread"), bell.toString());
    JsonObject told = bell.getJsonArray("items").getJsonObject(0);
    assertEquals("Big Co is yours: 100 users", told.getString("body"));
    assertEquals(leadId, told.getJsonObject("about").getString("id"));
    String notification = told.getString("id");
    assertEquals(
        404,
        karin.send("POST", "api/v1/notifications/" + notification + "/read", null).statusCode());
    assertEquals(
        204,
        daniel.send("POST", "api/v1/notifications/" + notification + "/read", null).statusCode());
    assertEquals(0, json(daniel.send("GET", "api/v1/notifications", null)).getInt("unread"));

    // who hands it to a seller
    ok(daniel.send("PATCH", lead(leadId), "{\"owner_id\":\"" + sally + "\"}"));
    ApiClient seller = ApiClient.signIn(base, SELLER, PASSWORD);
    assertEquals(200, seller.send("GET", lead(leadId), null).statusCode());
    assertEquals(403, karin.send("GET", lead(leadId), null).statusCode(), "no right on leads");
  }

  @Test
  void aWebhookIsCalledSignedFromTheServerAndEachAttemptIsInItsDeliveryLog() throws Exception {
    ApiClient admin = TestUsers.signIn("hooker");
    java.util.List<String[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
    com.sun.net.httpserver.HttpServer endpoint =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(
                  exchange.getRequestBody().readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
          calls.add(
              new String[] {
                exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                body
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          called.countDown();
        });
    endpoint.start();
    try {
      String object = "order_" + SUFFIX;
      String hook = "erp_" + SUFFIX;
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/objects/" + object,
              "{\"label\":\"Order\",\"nameField\":\"title\","
                  + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));
      HttpResponse<String> nowhere =
          admin.send(
              "PUT",
              "api/v1/metadata/automations/tell_erp_" + SUFFIX,
              "{\"label\":\"Tell the ERP\",\"object\":\""
                  + object
                  + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"after\",\"on\":[\"create\"]},"
                  + "\"actions\":[{\"type\":\"webhook\",\"webhook\":\""
                  + hook
                  + "\"}]}");
      assertEquals(400, nowhere.statusCode(), nowhere.body());
      assertTrue(nowhere.body().contains("automation.unknown-webhook"), nowhere.body());
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/webhooks/" + hook,
              "{\"label\":\"ERP\",\"url\":\"http://127.0.0.1:"
                  + endpoint.getAddress().getPort()
                  + "/hook\"}"));
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/automations/tell_erp_" + SUFFIX,
              "{\"label\":\"Tell the ERP\",\"object\":\""
                  + object
                  + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"after\",\"on\":[\"create\"]},"
                  + "\"actions\":[{\"type\":\"webhook\",\"webhook\":\""
                  + hook
                  + "\"}]}"));
      HttpResponse<String> order =
          admin.send("POST", "api/v1/records/" + object, "{\"title\":\"Order 1\"}");
      assertEquals(201, order.statusCode(), order.body());
      String orderId = json(order).getString("id");

      // the server's job workers call it, and log the attempt as the job commits
      assertTrue(called.await(60, java.util.concurrent.TimeUnit.SECONDS), "the call was made");
      JsonArray deliveries = JsonArray.EMPTY_JSON_ARRAY;
      for (int i = 0; i < 1000 && deliveries.isEmpty(); i++) {
        deliveries =
            json(admin.send("GET", "api/v1/webhooks/" + hook + "/deliveries", null))
                .getJsonArray("items");
      }
      assertEquals(1, deliveries.size(), deliveries.toString());
      JsonObject first = deliveries.getJsonObject(0);
      assertEquals(1, first.getInt("attempt"));
      assertEquals(204, first.getInt("status"));
      assertTrue(first.isNull("error"));
      assertEquals(object + ".tell_erp_" + SUFFIX, first.getString("event"));
      String job = first.getString("job");

      String secret =
          json(admin.send("GET", "api/v1/webhooks/" + hook + "/secret", null)).getString("secret");
      String[] call = calls.get(0);
      assertEquals(job, call[0], "the job's id is the webhook-id");
      assertEquals(
          io.relata.platform.webhook.Signature.sign(
              secret, call[0], Long.parseLong(call[1]), call[3]),
          call[2],
          "signed with the secret the API shows");
      JsonObject body =
          jakarta.json.Json.createReader(new java.io.StringReader(call[3])).readObject();
      assertEquals(orderId, body.getJsonObject("data").getString("id"));
      assertEquals(
          "Order 1", body.getJsonObject("data").getJsonObject("record").getString("title"));

      // a test run of the automation says what it would call, and calls nothing
      HttpResponse<String> tested =
          admin.send(
              "POST",
              "api/v1/automation-tests",
              "{\"kind\":\"automations\",\"name\":\"tell_erp_"
                  + SUFFIX
                  + "\",\"object\":\""
                  + object
                  + "\",\"record\":\""
                  + orderId
                  + "\"}");
      assertEquals(200, tested.statusCode(), tested.body());
      JsonObject wouldCall = json(tested).getJsonArray("calls").getJsonObject(0);
      assertEquals(hook, wouldCall.getString("webhook"));
      assertEquals(orderId, wouldCall.getJsonObject("body").getJsonObject("data").getString("id"));
      assertEquals(
          0,
          json(admin.send("GET", "api/v1/jobs?kind=webhook&state=ready", null))
              .getJsonArray("items")
              .size(),
          "nothing queued");
      assertEquals(1, calls.size(), "nothing called");
      HttpResponse<String> wrongKind =
          admin.send(
              "POST",
              "api/v1/automation-tests",
              "{\"kind\":\"nonsense\",\"name\":\"x\",\"object\":\""
                  + object
                  + "\",\"record\":\"not-an-id\"}");
      assertEquals(400, wrongKind.statusCode(), wrongKind.body());
      assertTrue(wrongKind.body().contains("\"/kind\""), wrongKind.body());
      assertTrue(wrongKind.body().contains("\"/record\""), wrongKind.body());

      HttpResponse<String> rotated =
          admin.send("POST", "api/v1/webhooks/" + hook + "/secret", null);
      assertEquals(200, rotated.statusCode(), rotated.body());
      assertTrue(!json(rotated).getString("secret").equals(secret), "a new secret");
      // a deleted webhook's secret goes with it: a new webhook of its name gets one of its own
      ok(admin.send("DELETE", "api/v1/metadata/automations/tell_erp_" + SUFFIX, null));
      ok(admin.send("DELETE", "api/v1/metadata/webhooks/" + hook, null));
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/webhooks/" + hook,
              "{\"label\":\"ERP again\",\"url\":\"http://127.0.0.1:1/hook\"}"));
      String reborn =
          json(admin.send("GET", "api/v1/webhooks/" + hook + "/secret", null)).getString("secret");
      assertTrue(
          !reborn.equals(json(rotated).getString("secret")) && !reborn.equals(secret),
          "not the deleted webhook's secret");
      assertEquals(
          404,
          admin.send("GET", "api/v1/webhooks/nothing_" + SUFFIX + "/secret", null).statusCode());
    } finally {
      endpoint.stop(0);
    }
  }

  @Test
  void aScriptRunsInTheDeployedServerAndItsProblemIsAtTheField() throws Exception {
    ApiClient admin = TestUsers.signIn("scripter");
    String object = "ticket_" + SUFFIX;
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + object,
            "{\"label\":\"Ticket\",\"nameField\":\"title\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"words\",\"label\":\"Words\",\"type\":\"number\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/count_words_" + SUFFIX,
            "{\"label\":\"Count words\",\"object\":\""
                + object
                + "\",\"trigger\":{\"type\":\"record\",\"timing\":\"before\","
                + "\"on\":[\"create\",\"update\"]},"
                + "\"actions\":[{\"type\":\"script\",\"source\":"
                + "\"record.words = record.title.split(' ').length;\\n"
                + "if (record.words > 5) problem('title', 'at most five words');\"}]}"));
    HttpResponse<String> counted =
        admin.send("POST", "api/v1/records/" + object, "{\"title\":\"three short words\"}");
    assertEquals(201, counted.statusCode(), counted.body());
    assertEquals(3, json(counted).getInt("words"));
    HttpResponse<String> refused =
        admin.send(
            "POST", "api/v1/records/" + object, "{\"title\":\"one two three four five six\"}");
    assertEquals(400, refused.statusCode(), refused.body());
    JsonObject problem = json(refused).getJsonArray("errors").getJsonObject(0);
    assertEquals("/title", problem.getString("pointer"));
    assertEquals("at most five words", problem.getString("message"));

    // both runs are in the run log, the refused one with its reason
    HttpResponse<String> runs =
        admin.send("GET", "api/v1/automation-runs?automation=count_words_" + SUFFIX, null);
    assertEquals(200, runs.statusCode(), runs.body());
    JsonArray logged = json(runs).getJsonArray("items");
    assertEquals(2, logged.size(), runs.body());
    assertTrue(
        logged.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                run ->
                    run.getString("outcome").equals("refused")
                        && run.getString("reason").contains("at most five words")),
        runs.body());
    assertEquals(
        400,
        admin.send("GET", "api/v1/automation-runs?outcome=lost", null).statusCode(),
        "an outcome the log does not know");
  }

  private static String user(ApiClient admin, String username, String permissionSet)
      throws Exception {
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"permissionSets\":[\""
                + permissionSet
                + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    return json(created).getString("id");
  }

  /** The reason {@code automation} gives on the record's timeline. */
  private static JsonObject because(ApiClient reader, String record, String automation)
      throws Exception {
    for (JsonObject item : history(reader, record).getValuesAs(JsonObject.class)) {
      if (item.containsKey("because")) {
        for (JsonObject reason : item.getJsonArray("because").getValuesAs(JsonObject.class)) {
          if (reason.getString("automation").equals(automation)) {
            return reason;
          }
        }
      }
    }
    throw new AssertionError("no reason of " + automation + " on the timeline of " + record);
  }

  private static JsonArray history(ApiClient reader, String record) throws Exception {
    HttpResponse<String> timeline = reader.send("GET", record + "/timeline", null);
    assertEquals(200, timeline.statusCode(), timeline.body());
    return json(timeline).getJsonArray("items");
  }

  private static String prospect(String id) {
    return "api/v1/records/" + PROSPECT + "/" + id;
  }

  private static String lead(String id) {
    return "api/v1/records/" + LEAD + "/" + id;
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }
}
