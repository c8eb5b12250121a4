package io.relata.platform.access;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.ApiClient;
import io.relata.testing.Deployments;
import io.relata.testing.RefusedRequests;
import io.relata.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
 * Access control over real HTTP, in the real WAR on real PostgreSQL: a private object, a VP above
 * two reps, a permission set that hides one field and makes another read-only, and a sharing rule
 * switched on and off. Every answer the reps get is kept and scanned for the hidden field's value.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessApiIT {

  /** The hidden field's value: it must never reach a rep. */
  private static final String SENTINEL = ApiClient.HIDDEN;

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String OBJECT = "pact_" + SUFFIX;
  private static final String VP = "vp_" + SUFFIX;
  private static final String REP = "rep_" + SUFFIX;
  private static final String SELLER = "seller_" + SUFFIX;
  private static final String RULE = "big_" + SUFFIX;

  private static ApiClient admin;
  private static ApiClient rep1;
  private static ApiClient rep2;
  private static ApiClient vp;
  private static final List<String> seenByRestricted = new ArrayList<>();
  private static String bigDeal;
  private static String smallDeal;
  private static String adminDeal;

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(AccessApiIT.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @BeforeEach
  void setUp() throws Exception {
    if (admin != null) {
      return;
    }
    admin = TestUsers.signIn(base, users, passwords, clock, "admin");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + OBJECT,
            "{\"label\":\"Pact\",\"nameField\":\"title\",\"recordAccess\":\"private\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"number\",\"scale\":2},"
                + "{\"name\":\"margin\",\"label\":\"Margin\",\"type\":\"number\",\"scale\":3},"
                + "{\"name\":\"status\",\"label\":\"Status\",\"type\":\"text\"}]}"));
    ok(admin.send("PUT", "api/v1/metadata/roles/" + VP, "{\"label\":\"VP\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/roles/" + REP,
            "{\"label\":\"Rep\",\"parent\":\"" + VP + "\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + SELLER,
            "{\"label\":\"Seller\",\"objects\":{\""
                + OBJECT
                + "\":{\"create\":true,\"read\":true,\"edit\":true,\"delete\":true,"
                + "\"fields\":{\"margin\":\"hidden\",\"status\":\"read-only\"}}}}"));
    rep1 = restricted("rep1", REP);
    rep2 = restricted("rep2", REP);
    vp = restricted("vp", VP);
    bigDeal = created(rep1, "{\"title\":\"Big\",\"amount\":5000}");
    smallDeal = created(rep1, "{\"title\":\"Small\",\"amount\":10}");
    adminDeal = created(admin, "{\"title\":\"House\",\"amount\":7000}");
    ok(admin.send("PATCH", record(bigDeal), "{\"margin\":" + SENTINEL + "}"));
  }

  @Test
  @Order(9)
  void describingTellsARepOnlyTheObjectsAndFieldsTheyMaySee() throws Exception {
    String secret = "secret_" + SUFFIX;
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + secret,
            "{\"label\":\"Secret\",\"nameField\":\"title\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));

    String listed = get(rep1, "api/v1/metadata/objects").body();
    assertTrue(listed.contains("\"" + OBJECT + "\""), listed);
    assertFalse(listed.contains(secret), "an object the rep may not read is not listed");
    assertTrue(get(admin, "api/v1/metadata/objects").body().contains(secret));
    assertEquals(404, get(rep1, "api/v1/metadata/objects/" + secret).statusCode());

    for (String path :
        List.of(
            "api/v1/metadata/objects/" + OBJECT,
            "api/v1/metadata/objects/" + OBJECT + "/schema",
            "api/v1/openapi.json")) {
      HttpResponse<String> described = get(rep1, path);
      assertEquals(200, described.statusCode(), path);
      assertFalse(described.body().contains("margin"), path + " tells of the hidden field");
      assertTrue(described.body().contains("amount"), path);
    }
    assertTrue(get(admin, "api/v1/metadata/objects/" + OBJECT).body().contains("margin"));
    assertFalse(get(rep1, "api/v1/openapi.json").body().contains(pascal(secret)));

    for (String path :
        List.of(
            "api/v1/metadata/permission-sets",
            "api/v1/metadata/permission-sets/" + SELLER,
            "api/v1/metadata/roles",
            "api/v1/metadata/sharing-rules",
            "api/v1/metadata/revisions",
            "api/v1/metadata/bundle")) {
      assertEquals(403, get(rep1, path).statusCode(), path);
      assertEquals(200, get(admin, path).statusCode(), path);
    }
  }

  private static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** Last: the answers of every test before (the tests run in the server, in order). */
  @Test
  @Order(99)
  void noRestrictedAnswerEverHeldTheHiddenValue() {
    assertFalse(seenByRestricted.isEmpty());
    assertTrue(
        RefusedRequests.checked() >= 6,
        "the refused writes above were checked to change nothing: " + RefusedRequests.checked());
    for (String body : seenByRestricted) {
      assertFalse(body.contains(SENTINEL), body);
      assertFalse(body.contains("\"margin\""), body);
    }
  }

  @Test
  @Order(1)
  void ownersSeeTheirOwnRecordsAndManagersTheirReportsButNobodyElses() throws Exception {
    assertEquals(Set.of(bigDeal, smallDeal), ids(rep1));
    assertEquals(Set.of(), ids(rep2));
    assertEquals(Set.of(bigDeal, smallDeal), ids(vp));
    assertEquals(Set.of(bigDeal, smallDeal, adminDeal), ids(admin));

    assertEquals(2, json(get(vp, list("?total=true"))).getJsonObject("total").getInt("count"));
    assertEquals(
        2,
        json(get(vp, "api/v1/records/" + OBJECT + "/aggregate?metrics=count"))
            .getJsonArray("groups")
            .getJsonObject(0)
            .getInt("count"));
    assertEquals(Set.of(bigDeal), searched(vp, "Big"));
    assertEquals(Set.of(), searched(rep2, "Big"));
    assertEquals(Set.of(), searched(vp, "House"));
  }

  @Test
  @Order(2)
  void aRecordYouMayNotSeeIsTheSame404AsOneThatDoesNotExist() throws Exception {
    HttpResponse<String> hidden = get(rep2, record(bigDeal));
    HttpResponse<String> missing = get(rep2, record(UUID.randomUUID().toString()));
    assertEquals(404, hidden.statusCode());
    assertEquals(404, missing.statusCode());
    assertEquals(
        json(missing).getString("type"), json(hidden).getString("type"), "same kind of answer");
    assertEquals(404, send(rep2, "PATCH", record(bigDeal), "{\"title\":\"Mine\"}").statusCode());
    assertEquals(404, send(rep2, "DELETE", record(bigDeal), null).statusCode());
    assertEquals("Big", json(get(admin, record(bigDeal))).getString("title"));
  }

  @Test
  @Order(3)
  void hiddenFieldsAreStrippedAndCannotBeFilteredSortedOrWritten() throws Exception {
    JsonObject own = json(get(rep1, record(bigDeal)));
    assertEquals("Big", own.getString("title"));
    assertFalse(own.containsKey("margin"));

    assertEquals(400, get(rep1, list("?filter=" + encode("margin > 1"))).statusCode());
    assertEquals(400, get(rep1, list("?sort=-margin")).statusCode());
    assertEquals(400, get(rep1, list("?fields=title,margin")).statusCode());
    assertEquals(
        400, get(rep1, "api/v1/records/" + OBJECT + "/aggregate?metrics=sum:margin").statusCode());
    assertEquals(
        200, get(rep1, list("?filter=" + encode("amount > 1") + "&sort=-amount")).statusCode());

    String before = get(admin, record(bigDeal)).body();
    HttpResponse<String> hiddenWrite =
        send(rep1, "PATCH", record(bigDeal), "{\"title\":\"Changed\",\"margin\":1}");
    HttpResponse<String> readOnlyWrite =
        send(rep1, "PATCH", record(bigDeal), "{\"status\":\"won\"}");
    HttpResponse<String> readOnlyCreate =
        send(rep1, "POST", "api/v1/records/" + OBJECT, "{\"title\":\"X\",\"status\":\"won\"}");
    assertEquals(403, hiddenWrite.statusCode(), hiddenWrite.body());
    assertEquals(403, readOnlyWrite.statusCode(), readOnlyWrite.body());
    assertEquals(403, readOnlyCreate.statusCode(), readOnlyCreate.body());
    assertEquals(
        "/status",
        json(readOnlyWrite).getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals(before, get(admin, record(bigDeal)).body(), "a refused write changes nothing");
    assertEquals(Set.of(bigDeal, smallDeal), ids(rep1), "and creates nothing");
  }

  @Test
  @Order(4)
  void aSharingRuleOpensMatchingRecordsToReadOnlyWhileItExists() throws Exception {
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/sharing-rules/" + RULE,
            "{\"label\":\"Big deals\",\"object\":\""
                + OBJECT
                + "\",\"criteria\":\"amount > 1000\",\"sharedWith\":{\"role\":\""
                + REP
                + "\"},\"access\":\"read\"}"));

    assertEquals(Set.of(bigDeal, adminDeal), ids(rep2));
    assertEquals(Set.of(bigDeal), searched(rep2, "Big"));
    assertEquals(Set.of(adminDeal), searched(rep2, "House"));
    assertEquals(200, get(rep2, record(adminDeal)).statusCode());
    String before = get(admin, record(adminDeal)).body();
    HttpResponse<String> edit = send(rep2, "PATCH", record(adminDeal), "{\"title\":\"Mine\"}");
    assertEquals(403, edit.statusCode(), "visible, so a 403 tells nothing new: " + edit.body());
    assertEquals(before, get(admin, record(adminDeal)).body());
    JsonObject shared = explain(rep2, adminDeal);
    JsonObject read = shared.getJsonObject("operations").getJsonObject("read");
    assertTrue(read.getBoolean("allowed"), read.toString());
    JsonObject rule = read.getJsonObject("thisRecord").getJsonArray("grantedBy").getJsonObject(0);
    assertEquals("access.sharing-rule", rule.getString("rule"));
    assertEquals(RULE, rule.getJsonArray("args").getString(0));
    assertFalse(shared.getJsonObject("operations").getJsonObject("edit").getBoolean("allowed"));

    assertEquals(
        204, admin.send("DELETE", "api/v1/metadata/sharing-rules/" + RULE, null).statusCode());
    assertFalse(
        explain(rep2, adminDeal)
            .getJsonObject("operations")
            .getJsonObject("read")
            .getBoolean("allowed"));
    assertEquals(Set.of(), ids(rep2));
    assertEquals(404, get(rep2, record(adminDeal)).statusCode());
  }

  @Test
  @Order(5)
  void exportsAndMetadataChangesNeedTheirSystemPermissions() throws Exception {
    assertEquals(403, get(vp, "api/v1/records/" + OBJECT + "/export?format=csv").statusCode());
    HttpResponse<String> change =
        send(vp, "PUT", "api/v1/metadata/roles/" + VP, "{\"label\":\"Boss\"}");
    assertEquals(403, change.statusCode(), change.body());
    assertEquals(
        "VP", json(admin.send("GET", "api/v1/metadata/roles/" + VP, null)).getString("label"));
  }

  @Test
  @Order(6)
  void badAuthorizationDocumentsAreRefusedWithPointersAndChangeNothing() throws Exception {
    HttpResponse<String> cycle =
        admin.send(
            "PUT", "api/v1/metadata/roles/" + VP, "{\"label\":\"VP\",\"parent\":\"" + REP + "\"}");
    assertEquals(400, cycle.statusCode(), cycle.body());
    assertTrue(
        cycle.body().contains("role.cycle") || cycle.body().contains("below itself"), cycle.body());
    HttpResponse<String> unknownField =
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + SELLER,
            "{\"label\":\"Seller\",\"objects\":{\""
                + OBJECT
                + "\":{\"read\":true,\"fields\":{\"nope\":\"hidden\"}}}}");
    assertEquals(400, unknownField.statusCode(), unknownField.body());
    assertEquals(
        "/objects/" + OBJECT + "/fields/nope",
        json(unknownField).getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertFalse(json(get(rep1, record(bigDeal))).containsKey("margin"), "the old set still holds");
  }

  @Test
  @Order(7)
  void explainNamesTheRuleBehindEachDecision() throws Exception {
    JsonObject owner = explain(rep1, bigDeal);
    assertEquals(REP, owner.getJsonObject("user").getString("role"));
    JsonObject edit = owner.getJsonObject("operations").getJsonObject("edit");
    assertTrue(edit.getBoolean("allowed"));
    assertEquals(
        List.of(SELLER),
        edit.getJsonObject("objectRight").getJsonArray("permissionSets").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList());
    assertEquals(
        "access.owner",
        edit.getJsonObject("thisRecord")
            .getJsonArray("grantedBy")
            .getJsonObject(0)
            .getString("rule"));
    JsonObject manager = explain(vp, bigDeal).getJsonObject("operations").getJsonObject("read");
    assertEquals(
        "access.role-hierarchy",
        manager
            .getJsonObject("thisRecord")
            .getJsonArray("grantedBy")
            .getJsonObject(0)
            .getString("rule"));
    Map<String, String> fields = new TreeMap<>();
    owner
        .getJsonArray("fields")
        .forEach(
            f ->
                fields.put(
                    f.asJsonObject().getString("field"), f.asJsonObject().getString("access")));
    assertEquals("hidden", fields.get("margin"));
    assertEquals("read-only", fields.get("status"));
    assertEquals("editable", fields.get("amount"));

    assertEquals(
        403,
        send(rep1, "GET", "api/v1/access/explain?user=" + id(rep1) + "&object=" + OBJECT, null)
            .statusCode(),
        "explaining needs manage-users");
    HttpResponse<String> bad = admin.send("GET", "api/v1/access/explain?user=x&id=y", null);
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(
        bad.body().contains("\"user\"")
            && bad.body().contains("\"object\"")
            && bad.body().contains("\"id\""),
        bad.body());
  }

  @Test
  @Order(8)
  void aTokenCarriesASubsetOfItsUsersRightsNeverMore() throws Exception {
    String adminName = json(admin.send("GET", "api/v1/users/me", null)).getString("username");
    ApiClient anonymous = new ApiClient(base, null);
    HttpResponse<String> notHeld =
        anonymous.send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\""
                + json(rep1.send("GET", "api/v1/users/me", null)).getString("username")
                + "\",\"password\":\""
                + TestUsers.PASSWORD
                + "\",\"permissionSets\":[\"administrator\"]}");
    assertEquals(400, notHeld.statusCode(), notHeld.body());
    assertTrue(notHeld.body().contains("/permissionSets/0"), notHeld.body());

    // the administrator, who also holds the seller set, through a token scoped to it: a seller's
    // reach, no more
    users.assignPermissionSet(users.findByUsername(adminName).orElseThrow().id(), SELLER);
    HttpResponse<String> issued =
        anonymous.send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\""
                + adminName
                + "\",\"password\":\""
                + TestUsers.PASSWORD
                + "\",\"permissionSets\":[\""
                + SELLER
                + "\"],\"readOnly\":true}");
    assertEquals(201, issued.statusCode(), issued.body());
    ApiClient scoped = new ApiClient(base, json(issued).getString("token")).privileged();
    assertTrue(ids(admin).containsAll(Set.of(bigDeal, smallDeal, adminDeal)));
    Set<String> reached = ids(scoped);
    assertTrue(reached.contains(adminDeal), "the records the administrator owns");
    assertFalse(
        reached.contains(bigDeal) || reached.contains(smallDeal),
        "but no others: a seller without a role sees only their own");
    assertFalse(json(get(scoped, record(adminDeal))).containsKey("margin"), "seller hides it");
    HttpResponse<String> write = scoped.send("PATCH", record(adminDeal), "{\"title\":\"No\"}");
    assertEquals(403, write.statusCode(), write.body());
    assertTrue(write.body().contains("read-only-token") || write.body().contains("Read-only"));
    assertEquals(
        403, scoped.send("PUT", "api/v1/metadata/roles/" + VP, "{\"label\":\"X\"}").statusCode());
    JsonObject listed =
        json(scoped.send("GET", "api/v1/auth/tokens", null)).getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getBoolean("readOnly"))
            .findFirst()
            .orElseThrow();
    assertEquals(SELLER, listed.getJsonArray("permissionSets").getString(0));
  }

  private static JsonObject explain(ApiClient who, String deal) throws Exception {
    HttpResponse<String> answer =
        admin.send(
            "GET",
            "api/v1/access/explain?user=" + id(who) + "&object=" + OBJECT + "&id=" + deal,
            null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer);
  }

  private static String id(ApiClient who) throws Exception {
    return json(who.send("GET", "api/v1/users/me", null)).getString("id");
  }

  private ApiClient restricted(String prefix, String role) throws Exception {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user =
        new User(
            username, passwords.hash(TestUsers.PASSWORD.toCharArray()), OffsetDateTime.now(clock));
    users.add(user);
    users.setRole(user.id(), Optional.of(role));
    users.assignPermissionSet(user.id(), SELLER);
    return ApiClient.signIn(base, username, TestUsers.PASSWORD);
  }

  private static String created(ApiClient client, String body) throws Exception {
    HttpResponse<String> answer = send(client, "POST", "api/v1/records/" + OBJECT, body);
    assertEquals(201, answer.statusCode(), answer.body());
    return json(answer).getString("id");
  }

  private static Set<String> ids(ApiClient client) throws Exception {
    HttpResponse<String> answer = get(client, list("?limit=200"));
    assertEquals(200, answer.statusCode(), answer.body());
    Set<String> ids = new TreeSet<>();
    json(answer).getJsonArray("items").forEach(i -> ids.add(i.asJsonObject().getString("id")));
    return ids;
  }

  private static Set<String> searched(ApiClient client, String text) throws Exception {
    HttpResponse<String> answer =
        get(client, "api/v1/search?q=" + encode(text) + "&objects=" + OBJECT);
    assertEquals(200, answer.statusCode(), answer.body());
    Set<String> ids = new TreeSet<>();
    json(answer).getJsonArray("items").forEach(i -> ids.add(i.asJsonObject().getString("id")));
    return ids;
  }

  private static HttpResponse<String> get(ApiClient client, String path) throws Exception {
    return send(client, "GET", path, null);
  }

  private static HttpResponse<String> send(
      ApiClient client, String method, String path, String body) throws Exception {
    HttpResponse<String> answer = client.send(method, path, body);
    if (client != admin) {
      seenByRestricted.add(answer.body());
    }
    return answer;
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }

  private static String list(String query) {
    return "api/v1/records/" + OBJECT + query;
  }

  private static String record(String id) {
    return "api/v1/records/" + OBJECT + "/" + id;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
