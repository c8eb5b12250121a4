package io.relata.platform.access;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.SharedRelata;
import io.relata.testing.TestUsers;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 1 of issue 5, the permission matrix: three roles in a chain (top above mid above low),
 * two org-wide defaults (private, public read), a sharing rule off and on, and for each viewer the
 * records they own and those they do not. For every combination the visible records and the visible
 * fields must be the same through single read, list, count, aggregate, search, export and related
 * list, equal to what an independent statement of the rules expects, and a record outside the set
 * must be the same 404 as an id that does not exist.
 */
@ExtendWith(SharedRelata.class)
class PermissionMatrixIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String HUB = "mx_hub_" + SUFFIX;
  private static final String TOP = "top_" + SUFFIX;
  private static final String MID = "mid_" + SUFFIX;
  private static final String LOW = "low_" + SUFFIX;
  private static final List<String> ROLES = List.of(TOP, MID, LOW);
  private static final String SET = "matrix_" + SUFFIX;
  private static final String RULE = "big_" + SUFFIX;
  private static final Set<String> VISIBLE_FIELDS =
      Set.of(
          "id",
          "owner_id",
          "created_by",
          "created_at",
          "updated_by",
          "updated_at",
          "version",
          "title",
          "amount",
          "hub");

  private final URL base = SharedRelata.url();

  /** A viewer: a user in one of the roles. */
  private record Viewer(String role, String id, ApiClient client) {}

  /** A record of the matrix, with what decides who sees it. */
  private record Row(String id, Viewer owner, boolean big, BigDecimal amount) {}

  @Test
  void everyChannelShowsExactlyTheRecordsAndFieldsTheRulesGrant() throws Exception {
    ApiClient admin = TestUsers.signIn("admin");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + HUB,
            "{\"label\":\"Hub\",\"nameField\":\"title\",\"recordAccess\":\"read-write\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));
    Map<String, String> objects = new TreeMap<>();
    objects.put("private", "mx_private_" + SUFFIX);
    objects.put("read", "mx_read_" + SUFFIX);
    for (Map.Entry<String, String> object : objects.entrySet()) {
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/objects/" + object.getValue(),
              "{\"label\":\"Matrix\",\"nameField\":\"title\",\"recordAccess\":\""
                  + object.getKey()
                  + "\",\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                  + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"number\",\"scale\":2},"
                  + "{\"name\":\"secret\",\"label\":\"Secret\",\"type\":\"number\",\"scale\":3},"
                  + "{\"name\":\"hub\",\"label\":\"Hub\",\"type\":\"lookup\",\"target\":\""
                  + HUB
                  + "\"}]}"));
    }
    ok(admin.send("PUT", "api/v1/metadata/roles/" + TOP, "{\"label\":\"Top\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/roles/" + MID,
            "{\"label\":\"Mid\",\"parent\":\"" + TOP + "\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/roles/" + LOW,
            "{\"label\":\"Low\",\"parent\":\"" + MID + "\"}"));
    StringBuilder set =
        new StringBuilder("{\"label\":\"Matrix\",\"system\":[\"export\"],\"objects\":{");
    for (String object : objects.values()) {
      set.append(set.charAt(set.length() - 1) == '{' ? "" : ",")
          .append('"')
          .append(object)
          .append(
              "\":{\"create\":true,\"read\":true,\"edit\":true,"
                  + "\"fields\":{\"secret\":\"hidden\"}}");
    }
    set.append(",\"").append(HUB).append("\":{\"read\":true}}}");
    ok(admin.send("PUT", "api/v1/metadata/permission-sets/" + SET, set.toString()));

    List<Viewer> viewers = new ArrayList<>();
    for (String role : ROLES) {
      String username = role.replace('_', '-') + "-user";
      HttpResponse<String> created =
          admin.send(
              "POST",
              "api/v1/users",
              "{\"username\":\""
                  + username
                  + "\",\"password\":\""
                  + TestUsers.PASSWORD
                  + "\",\"role\":\""
                  + role
                  + "\",\"permissionSets\":[\""
                  + SET
                  + "\"]}");
      assertEquals(201, created.statusCode(), created.body());
      viewers.add(
          new Viewer(
              role,
              json(created).getString("id"),
              ApiClient.signIn(base, username, TestUsers.PASSWORD)));
    }
    String hub = created(admin, HUB, "{\"title\":\"Hub\"}");

    Map<String, List<Row>> rows = new TreeMap<>();
    for (String object : objects.values()) {
      List<Row> list = new ArrayList<>();
      for (Viewer owner : viewers) {
        for (boolean big : List.of(true, false)) {
          BigDecimal amount = new BigDecimal(big ? "5000.00" : "10.00");
          String id =
              created(
                  owner.client(),
                  object,
                  "{\"title\":\"Matrix "
                      + owner.role()
                      + (big ? " big" : " small")
                      + "\",\"amount\":"
                      + amount
                      + ",\"hub\":\""
                      + hub
                      + "\"}");
          ok(admin.send("PATCH", record(object, id), "{\"secret\":" + ApiClient.HIDDEN + "}"));
          list.add(new Row(id, owner, big, amount));
        }
      }
      rows.put(object, list);
    }

    int combinations = 0;
    for (boolean ruleOn : List.of(false, true)) {
      if (ruleOn) {
        for (String object : objects.values()) {
          ok(
              admin.send(
                  "PUT",
                  "api/v1/metadata/sharing-rules/" + RULE + "_" + object.substring(3, 7),
                  "{\"label\":\"Big\",\"object\":\""
                      + object
                      + "\",\"criteria\":\"amount > 1000\","
                      + "\"sharedWith\":{\"roleAndSubordinates\":\""
                      + MID
                      + "\"},\"access\":\"read\"}"));
        }
      }
      for (Map.Entry<String, String> object : objects.entrySet()) {
        boolean publicRead = object.getKey().equals("read");
        for (Viewer viewer : viewers) {
          Set<String> expected = new TreeSet<>();
          BigDecimal sum = BigDecimal.ZERO;
          int owned = 0;
          for (Row row : rows.get(object.getValue())) {
            owned += row.owner() == viewer ? 1 : 0;
            if (visible(viewer, row, publicRead, ruleOn)) {
              expected.add(row.id());
              sum = sum.add(row.amount());
            }
          }
          assertTrue(owned > 0 && owned < rows.get(object.getValue()).size(), "owner and not");
          String where =
              object.getKey() + " default, rule " + (ruleOn ? "on" : "off") + ", " + viewer.role();
          checkChannels(
              viewer.client(),
              object.getValue(),
              hub,
              rows.get(object.getValue()),
              expected,
              sum,
              where);
          combinations++;
        }
      }
    }
    assertEquals(3 * 2 * 2, combinations);
  }

  /** The rules as the issue states them, written independently of the evaluator. */
  private static boolean visible(Viewer viewer, Row row, boolean publicRead, boolean ruleOn) {
    if (publicRead || row.owner() == viewer) {
      return true;
    }
    int viewerLevel = ROLES.indexOf(viewer.role());
    int ownerLevel = ROLES.indexOf(row.owner().role());
    if (ownerLevel > viewerLevel) {
      return true;
    }
    return ruleOn && row.big() && viewerLevel >= ROLES.indexOf(MID);
  }

  private static void checkChannels(
      ApiClient client,
      String object,
      String hub,
      List<Row> rows,
      Set<String> expected,
      BigDecimal sum,
      String where)
      throws Exception {
    HttpResponse<String> missing =
        client.send("GET", record(object, UUID.randomUUID().toString()), null);
    assertEquals(404, missing.statusCode(), where);
    for (Row row : rows) {
      HttpResponse<String> one = client.send("GET", record(object, row.id()), null);
      if (expected.contains(row.id())) {
        assertEquals(200, one.statusCode(), where + ": " + one.body());
        assertEquals(VISIBLE_FIELDS, json(one).keySet(), where);
      } else {
        assertEquals(404, one.statusCode(), where + ": a guessed id");
        assertEquals(json(missing).getString("type"), json(one).getString("type"), where);
      }
    }

    JsonObject list =
        json(ok(client.send("GET", "api/v1/records/" + object + "?limit=200&total=true", null)));
    assertEquals(expected, ids(list), where + ": list");
    list.getJsonArray("items")
        .forEach(i -> assertEquals(VISIBLE_FIELDS, i.asJsonObject().keySet(), where + ": list"));
    assertEquals(expected.size(), list.getJsonObject("total").getInt("count"), where + ": count");

    JsonObject aggregate =
        json(
            ok(
                client.send(
                    "GET",
                    "api/v1/records/" + object + "/aggregate?metrics=count,sum:amount",
                    null)));
    JsonObject group = aggregate.getJsonArray("groups").getJsonObject(0);
    assertEquals(expected.size(), group.getInt("count"), where + ": aggregate count");
    assertEquals(
        0,
        sum.compareTo(
            group.isNull("sum_amount")
                ? BigDecimal.ZERO
                : group.getJsonNumber("sum_amount").bigDecimalValue()),
        where + ": aggregate sum " + group);

    JsonObject search =
        json(
            ok(client.send("GET", "api/v1/search?q=Matrix&objects=" + object + "&limit=50", null)));
    assertEquals(expected, ids(search), where + ": search");

    HttpResponse<String> export =
        ok(client.send("GET", "api/v1/records/" + object + "/export?format=ndjson", null));
    Set<String> exported = new TreeSet<>();
    for (String line : export.body().split("\n")) {
      if (!line.isBlank()) {
        JsonObject item = jakarta.json.Json.createReader(new StringReader(line)).readObject();
        exported.add(item.getString("id"));
        assertEquals(VISIBLE_FIELDS, item.keySet(), where + ": export");
      }
    }
    assertEquals(expected, exported, where + ": export");

    JsonObject related =
        json(
            ok(
                client.send(
                    "GET",
                    "api/v1/records/" + HUB + "/" + hub + "/related/" + object + "?limit=200",
                    null)));
    assertEquals(expected, ids(related), where + ": related list");
    related
        .getJsonArray("items")
        .forEach(i -> assertEquals(VISIBLE_FIELDS, i.asJsonObject().keySet(), where + ": related"));
  }

  private static Set<String> ids(JsonObject page) {
    Set<String> ids = new TreeSet<>();
    page.getJsonArray("items").forEach(i -> ids.add(i.asJsonObject().getString("id")));
    return ids;
  }

  private static String created(ApiClient client, String object, String body) throws Exception {
    HttpResponse<String> answer = client.send("POST", "api/v1/records/" + object, body);
    assertEquals(201, answer.statusCode(), answer.body());
    return json(answer).getString("id");
  }

  private static String record(String object, String id) {
    return "api/v1/records/" + object + "/" + id;
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    return answer;
  }
}
