package io.relata.platform.directory;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.SharedRelata;
import io.relata.testing.TestUsers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users, groups and record shares over real HTTP, in the real WAR on real PostgreSQL: who may
 * manage them, what a refused change leaves behind (nothing), and that each change counts from the
 * affected user's next request.
 */
@ExtendWith(SharedRelata.class)
class DirectoryApiIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String OBJECT = "memo_" + SUFFIX;
  private static final String WRITER = "writer_" + SUFFIX;
  private static final String USER_ADMIN = "user_admin_" + SUFFIX;
  private static final String MANAGER = "manager_" + SUFFIX;
  private static final String REP = "rep_" + SUFFIX;
  private static final String TEAM = "team_" + SUFFIX;

  private static ApiClient admin;

  private final URL base = SharedRelata.url();

  @BeforeEach
  void setUp() throws Exception {
    if (admin != null) {
      return;
    }
    admin = TestUsers.signIn("admin");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + OBJECT,
            "{\"label\":\"Memo\",\"nameField\":\"title\",\"recordAccess\":\"private\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));
    ok(admin.send("PUT", "api/v1/metadata/roles/" + MANAGER, "{\"label\":\"Manager\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/roles/" + REP,
            "{\"label\":\"Rep\",\"parent\":\"" + MANAGER + "\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + WRITER,
            "{\"label\":\"Writer\",\"objects\":{\""
                + OBJECT
                + "\":{\"create\":true,\"read\":true,\"edit\":true,\"delete\":true}}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + USER_ADMIN,
            "{\"label\":\"User admin\",\"system\":[\"manage-users\"]}"));
  }

  @Test
  void usersAreCreatedAndChangedOnlyByThoseWhoManageUsers() throws Exception {
    String name = "Pat-" + SUFFIX;
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\"long-enough-pass\",\"role\":\""
                + REP
                + "\",\"permissionSets\":[\""
                + WRITER
                + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject pat = json(created);
    String patId = pat.getString("id");
    assertEquals(name.toLowerCase(), pat.getString("username"));
    assertEquals(REP, pat.getString("role"));
    assertEquals(WRITER, pat.getJsonArray("permissionSets").getString(0));
    assertFalse(created.body().contains("long-enough-pass") || created.body().contains("hash"));

    HttpResponse<String> taken =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"long-enough-pass\"}");
    assertEquals(409, taken.statusCode(), taken.body());
    HttpResponse<String> bad =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"x-" + SUFFIX + "\",\"password\":\"short\",\"colour\":1}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(Set.of("/colour", "/password"), pointers(bad));
    HttpResponse<String> unknownRole =
        admin.send(
            "PATCH",
            "api/v1/users/" + patId,
            "{\"role\":\"nobody_" + SUFFIX + "\",\"permissionSets\":[\"none_" + SUFFIX + "\"]}");
    assertEquals(400, unknownRole.statusCode(), unknownRole.body());
    assertEquals(Set.of("/role", "/permissionSets/0"), pointers(unknownRole));
    assertEquals(REP, json(admin.send("GET", "api/v1/users/" + patId, null)).getString("role"));

    ApiClient patClient = ApiClient.signIn(base, name, "long-enough-pass");
    assertEquals(403, patClient.send("GET", "api/v1/users", null).statusCode());
    assertEquals(
        403,
        patClient
            .send("POST", "api/v1/users", "{\"username\":\"y\",\"password\":\"long-enough-pass\"}")
            .statusCode());
    assertEquals(200, patClient.send("GET", "api/v1/records/" + OBJECT, null).statusCode());

    ok(admin.send("PATCH", "api/v1/users/" + patId, "{\"active\":false}"));
    assertEquals(401, patClient.send("GET", "api/v1/users/me", null).statusCode(), "frozen");
    ok(admin.send("PATCH", "api/v1/users/" + patId, "{\"active\":true}"));
    assertEquals(200, patClient.send("GET", "api/v1/users/me", null).statusCode(), "thawed");

    ok(admin.send("PATCH", "api/v1/users/" + patId, "{\"permissionSets\":[]}"));
    assertEquals(403, patClient.send("GET", "api/v1/records/" + OBJECT, null).statusCode());
    int changes = changesOf(patId);
    ok(
        admin.send(
            "PATCH",
            "api/v1/users/" + patId,
            "{\"role\":\"" + REP + "\",\"permissionSets\":[],\"locale\":\"en\"}"));
    assertEquals(changes, changesOf(patId), "a form saved as it was is no change to audit");
    ok(admin.send("PATCH", "api/v1/users/" + patId, "{\"role\":\"" + MANAGER + "\"}"));
    assertEquals(changes + 1, changesOf(patId));

    HttpResponse<String> revoked = admin.send("DELETE", "api/v1/users/" + patId + "/tokens", null);
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals(1, json(revoked).getInt("revoked"));
    assertEquals(401, patClient.send("GET", "api/v1/users/me", null).statusCode(), "revoked");

    assertEquals(404, admin.send("GET", "api/v1/users/" + UUID.randomUUID(), null).statusCode());
    assertEquals(404, admin.send("GET", "api/v1/users/not-an-id", null).statusCode());
  }

  @Test
  void usersArePeopleWithAnEmailANameALanguageAZoneAndAManager() throws Exception {
    HttpResponse<String> bossCreated =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"boss-"
                + SUFFIX
                + "\",\"password\":\"long-enough-pass\",\"displayName\":\"Daniel Berg\"}");
    assertEquals(201, bossCreated.statusCode(), bossCreated.body());
    JsonObject boss = json(bossCreated);
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"karin-"
                + SUFFIX
                + "\",\"password\":\"long-enough-pass\",\"email\":\"karin@example.com\","
                + "\"displayName\":\"Karin Öberg\",\"locale\":\"sv\","
                + "\"timeZone\":\"Europe/Stockholm\",\"manager\":\""
                + boss.getString("id")
                + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject karin = json(created);
    assertEquals("karin@example.com", karin.getString("email"));
    assertEquals("Karin Öberg", karin.getString("displayName"));
    assertEquals("sv", karin.getString("locale"));
    assertEquals("Europe/Stockholm", karin.getString("timeZone"));
    assertEquals(boss.getString("id"), karin.getString("manager"));
    assertEquals("en", boss.getString("locale"), "the defaults");
    assertEquals("UTC", boss.getString("timeZone"));

    String karinPath = "api/v1/users/" + karin.getString("id");
    HttpResponse<String> noZone = admin.send("PATCH", karinPath, "{\"timeZone\":\"Mars/Olympus\"}");
    assertEquals(400, noZone.statusCode(), noZone.body());
    assertEquals(Set.of("/timeZone"), pointers(noZone));
    HttpResponse<String> cycle =
        admin.send(
            "PATCH",
            "api/v1/users/" + boss.getString("id"),
            "{\"manager\":\"" + karin.getString("id") + "\"}");
    assertEquals(400, cycle.statusCode(), cycle.body());
    assertEquals(Set.of("/manager"), pointers(cycle));
    HttpResponse<String> badLocale = admin.send("PATCH", karinPath, "{\"locale\":\"de\"}");
    assertEquals(400, badLocale.statusCode(), badLocale.body());

    JsonObject moved =
        json(admin.send("PATCH", karinPath, "{\"timeZone\":\"Europe/Helsinki\",\"manager\":null}"));
    assertEquals("Europe/Helsinki", moved.getString("timeZone"));
    assertTrue(!moved.containsKey("manager") || moved.isNull("manager"), moved.toString());
    assertEquals("karin@example.com", moved.getString("email"), "absent members stay");
  }

  @Test
  void aLockedAccountCanBeUnlockedByAnAdministrator() throws Exception {
    String name = "locked-" + SUFFIX;
    String id =
        json(admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"long-enough-pass\"}"))
            .getString("id");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(name, "wrong-password-" + i).statusCode());
    }
    assertEquals(401, login(name, "long-enough-pass").statusCode(), "locked");
    assertTrue(json(admin.send("GET", "api/v1/users/" + id, null)).containsKey("lockedUntil"));

    HttpResponse<String> unlocked = admin.send("POST", "api/v1/users/" + id + "/unlock", null);
    assertEquals(200, unlocked.statusCode(), unlocked.body());
    assertFalse(json(unlocked).containsKey("lockedUntil"));
    assertEquals(201, login(name, "long-enough-pass").statusCode());
  }

  @Test
  void aUserChangesTheirOwnPasswordGivingTheCurrentOne() throws Exception {
    String name = "self-" + SUFFIX;
    admin.send(
        "POST", "api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"first-long-pass\"}");
    ApiClient self = ApiClient.signIn(base, name, "first-long-pass");
    String path = "api/v1/users/me/password";
    HttpResponse<String> wrong =
        self.send(
            "POST", path, "{\"current\":\"not-it-at-all\",\"password\":\"second-long-pass\"}");
    assertEquals(400, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("\"/current\""), wrong.body());
    HttpResponse<String> shortOne =
        self.send("POST", path, "{\"current\":\"first-long-pass\",\"password\":\"short\"}");
    assertEquals(400, shortOne.statusCode(), shortOne.body());
    assertTrue(shortOne.body().contains("\"/password\""), shortOne.body());
    assertEquals(201, login(name, "first-long-pass").statusCode(), "nothing changed yet");

    HttpResponse<String> changed =
        self.send(
            "POST", path, "{\"current\":\"first-long-pass\",\"password\":\"second-long-pass\"}");
    assertEquals(204, changed.statusCode(), changed.body());
    assertEquals(401, login(name, "first-long-pass").statusCode());
    assertEquals(201, login(name, "second-long-pass").statusCode());
  }

  @Test
  void aTeamsFiguresAreForThoseAboveIt() throws Exception {
    ApiClient boss = member("team-lead-" + SUFFIX, MANAGER);
    ApiClient rep = member("team-rep-" + SUFFIX, REP);
    String mark = "team-memo-" + SUFFIX;
    ok(rep.send("POST", "api/v1/records/" + OBJECT, "{\"title\":\"Rep " + mark + "\"}"));
    ok(boss.send("POST", "api/v1/records/" + OBJECT, "{\"title\":\"Lead " + mark + "\"}"));
    String path =
        "api/v1/records/"
            + OBJECT
            + "/aggregate?filter="
            + java.net.URLEncoder.encode(
                    "title contains \"" + mark + "\"", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")
            + "&role=";
    HttpResponse<String> team = boss.send("GET", path + REP, null);
    assertEquals(200, team.statusCode(), team.body());
    assertEquals(1, json(team).getJsonArray("groups").getJsonObject(0).getInt("count"));
    HttpResponse<String> whole = boss.send("GET", path + MANAGER, null);
    assertEquals(2, json(whole).getJsonArray("groups").getJsonObject(0).getInt("count"));
    assertEquals(200, rep.send("GET", path + REP, null).statusCode());
    // above the rep: as unknown to him as a role that does not exist
    HttpResponse<String> above = rep.send("GET", path + MANAGER, null);
    HttpResponse<String> nowhere = rep.send("GET", path + "nothing_" + SUFFIX, null);
    assertEquals(400, above.statusCode(), above.body());
    assertEquals(nowhere.statusCode(), above.statusCode());
    assertEquals(
        nowhere.body().replace("nothing_" + SUFFIX, "?"), above.body().replace(MANAGER, "?"));
  }

  /** A new user in {@code role} who writes memos, signed in. */
  private ApiClient member(String name, String role) throws Exception {
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\"long-enough-pass\",\"role\":\""
                + role
                + "\",\"permissionSets\":[\""
                + WRITER
                + "\"]}"));
    return ApiClient.signIn(base, name, "long-enough-pass");
  }

  @Test
  void manageUsersDoesNotMakeAnAdministrator() throws Exception {
    String name = "helpdesk-" + SUFFIX;
    String id =
        json(admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\""
                    + name
                    + "\",\"password\":\"long-enough-pass\",\"permissionSets\":[\""
                    + USER_ADMIN
                    + "\"]}"))
            .getString("id");
    ApiClient helpdesk = ApiClient.signIn(base, name, "long-enough-pass");
    assertEquals(200, helpdesk.send("GET", "api/v1/users", null).statusCode());
    HttpResponse<String> escalate =
        helpdesk.send(
            "PATCH",
            "api/v1/users/" + id,
            "{\"permissionSets\":[\"" + USER_ADMIN + "\",\"administrator\"]}");
    assertEquals(403, escalate.statusCode(), escalate.body());
    assertEquals(
        1,
        json(admin.send("GET", "api/v1/users/" + id, null)).getJsonArray("permissionSets").size(),
        "nothing changed");
    HttpResponse<String> selfFreeze =
        helpdesk.send("PATCH", "api/v1/users/" + id, "{\"active\":false}");
    assertEquals(400, selfFreeze.statusCode(), selfFreeze.body());
  }

  @Test
  void manageUsersDoesNotTakeAnAdministratorsAccountOver() throws Exception {
    String name = "desk-" + SUFFIX;
    json(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\"long-enough-pass\",\"permissionSets\":[\""
                + USER_ADMIN
                + "\"]}"));
    String other = "other-admin-" + SUFFIX;
    String otherId =
        json(admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\""
                    + other
                    + "\",\"password\":\"long-enough-pass\",\"permissionSets\":[\"administrator\"]}"))
            .getString("id");
    ApiClient otherAdmin = ApiClient.signIn(base, other, "long-enough-pass");
    ApiClient desk = ApiClient.signIn(base, name, "long-enough-pass");

    for (String[] attempt :
        new String[][] {
          {"PATCH", "api/v1/users/" + otherId, "{\"password\":\"taken-over-now\"}"},
          {"PATCH", "api/v1/users/" + otherId, "{\"active\":false}"},
          {"POST", "api/v1/users/" + otherId + "/unlock", null},
          {"DELETE", "api/v1/users/" + otherId + "/tokens", null}
        }) {
      HttpResponse<String> refused = desk.send(attempt[0], attempt[1], attempt[2]);
      assertEquals(403, refused.statusCode(), String.join(" ", attempt[0], attempt[1]));
    }
    assertEquals(
        200, otherAdmin.send("GET", "api/v1/users/me", null).statusCode(), "token not revoked");
    assertEquals(201, login(other, "long-enough-pass").statusCode(), "password and state kept");

    HttpResponse<String> grant =
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/desk_meta_" + SUFFIX,
            "{\"label\":\"Desk meta\",\"system\":[\"manage-metadata\"]}");
    assertEquals(201, grant.statusCode(), grant.body());
    String metaName = "meta-" + SUFFIX;
    json(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + metaName
                + "\",\"password\":\"long-enough-pass\",\"permissionSets\":[\"desk_meta_"
                + SUFFIX
                + "\"]}"));
    ApiClient meta = ApiClient.signIn(base, metaName, "long-enough-pass");
    HttpResponse<String> escalate =
        meta.send(
            "PUT",
            "api/v1/metadata/permission-sets/desk_meta_" + SUFFIX,
            "{\"label\":\"Desk meta\",\"system\":[\"manage-metadata\",\"manage-users\"]}");
    assertEquals(403, escalate.statusCode(), escalate.body());
    HttpResponse<String> relabel =
        meta.send(
            "PUT",
            "api/v1/metadata/permission-sets/desk_meta_" + SUFFIX,
            "{\"label\":\"Desk metadata\",\"system\":[\"manage-metadata\"]}");
    assertEquals(200, relabel.statusCode(), "changing a set without granting is allowed");

    // nor through a bundle, nor by reverting to a revision where the set held more
    JsonObject bundle = json(meta.send("GET", "api/v1/metadata/bundle", null));
    String escalated =
        bundle
            .toString()
            .replace(
                "\"label\":\"Desk metadata\",\"system\":[\"manage-metadata\"]",
                "\"label\":\"Desk metadata\",\"system\":[\"manage-metadata\",\"manage-users\"]");
    assertTrue(!escalated.equals(bundle.toString()), "the set is in the bundle");
    HttpResponse<String> bundled = meta.send("POST", "api/v1/metadata/bundle", escalated);
    assertEquals(403, bundled.statusCode(), bundled.body());
    HttpResponse<String> wider =
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/desk_meta_" + SUFFIX,
            "{\"label\":\"Desk meta\",\"system\":[\"manage-metadata\",\"manage-users\"]}");
    assertEquals(200, wider.statusCode(), wider.body());
    long widerRevision = json(wider).getJsonNumber("revision").longValue();
    assertEquals(
        200,
        admin
            .send(
                "PUT",
                "api/v1/metadata/permission-sets/desk_meta_" + SUFFIX,
                "{\"label\":\"Desk meta\",\"system\":[\"manage-metadata\"]}")
            .statusCode());
    HttpResponse<String> reverted =
        meta.send("POST", "api/v1/metadata/revisions/" + widerRevision + "/revert", null);
    assertEquals(403, reverted.statusCode(), reverted.body());
  }

  @Test
  void groupMembersHoldTheGroupsSetsAndSharesWhileTheyAreMembers() throws Exception {
    String alex = newUser("alex", REP, false);
    String sam = newUser("sam", REP, true);
    ApiClient alexClient = ApiClient.signIn(base, "alex-" + SUFFIX, "long-enough-pass");
    ApiClient samClient = ApiClient.signIn(base, "sam-" + SUFFIX, "long-enough-pass");
    assertEquals(403, alexClient.send("GET", "api/v1/records/" + OBJECT, null).statusCode());

    HttpResponse<String> group =
        admin.send(
            "PUT",
            "api/v1/groups/" + TEAM,
            "{\"label\":\"Team\",\"permissionSets\":[\"" + WRITER + "\"]}");
    assertEquals(201, group.statusCode(), group.body());
    assertEquals(204, admin.send("PUT", members(alex), null).statusCode());
    assertEquals(200, alexClient.send("GET", "api/v1/records/" + OBJECT, null).statusCode());
    assertEquals(
        1,
        json(admin.send("GET", "api/v1/groups/" + TEAM + "/members", null))
            .getJsonArray("items")
            .size());

    String memo = created(samClient, "{\"title\":\"Plan\"}");
    assertEquals(404, alexClient.send("GET", record(memo), null).statusCode());
    HttpResponse<String> shared =
        samClient.send(
            "POST", record(memo) + "/shares", "{\"group\":\"" + TEAM + "\",\"access\":\"read\"}");
    assertEquals(201, shared.statusCode(), shared.body());
    assertEquals(200, alexClient.send("GET", record(memo), null).statusCode());
    assertEquals(
        403,
        alexClient.send("PATCH", record(memo), "{\"title\":\"Mine\"}").statusCode(),
        "read only");
    assertEquals(
        403,
        alexClient
            .send(
                "POST",
                record(memo) + "/shares",
                "{\"user\":\"" + alex + "\",\"access\":\"read-write\"}")
            .statusCode(),
        "who may read may not share on");

    ok(
        samClient.send(
            "POST",
            record(memo) + "/shares",
            "{\"user\":\"" + alex + "\",\"access\":\"read-write\"}"));
    ok(alexClient.send("PATCH", record(memo), "{\"title\":\"Ours\"}"));
    List<JsonObject> history = timeline(samClient, memo, "");
    assertEquals(
        List.of("updated", "shared", "shared", "created"),
        history.stream().map(item -> item.getString("event")).toList(),
        "the owner, who may share the record, sees its shares");
    assertEquals("read-write", history.get(1).getString("access"));
    assertEquals(TEAM, history.get(2).getString("sharedWith"));
    assertEquals(List.of("title"), strings(history.get(0).getJsonArray("fields")));
    assertEquals(alex, history.get(0).getJsonObject("actor").getString("id"));
    assertEquals(
        List.of("updated", "created"),
        timeline(alexClient, memo, "").stream().map(item -> item.getString("event")).toList(),
        "a reader who may not share the record does not see whom it is shared with");
    JsonObject first = json(samClient.send("GET", record(memo) + "/timeline?limit=1", null));
    assertEquals(1, first.getJsonArray("items").size());
    assertEquals(
        history.get(1).getString("id"),
        timeline(samClient, memo, "?kind=history&limit=1&cursor=" + first.getString("nextCursor"))
            .get(0)
            .getString("id"));
    assertEquals(
        2,
        json(samClient.send("GET", record(memo) + "/shares", null)).getJsonArray("items").size());

    assertEquals(
        204, samClient.send("DELETE", record(memo) + "/shares/users/" + alex, null).statusCode());
    assertEquals(204, admin.send("DELETE", members(alex), null).statusCode());
    assertEquals(403, alexClient.send("GET", record(memo), null).statusCode(), "set gone");
    HttpResponse<String> again =
        admin.send("PUT", "api/v1/groups/" + TEAM + "/members/" + alex, null);
    assertEquals(204, again.statusCode());
    assertEquals(200, alexClient.send("GET", record(memo), null).statusCode(), "group share");
    assertEquals(204, admin.send("DELETE", "api/v1/groups/" + TEAM, null).statusCode());
    assertEquals(403, alexClient.send("GET", record(memo), null).statusCode());
    assertEquals(403, alexClient.send("GET", record(memo) + "/shares", null).statusCode());
  }

  @Test
  void activitiesAreLoggedOnARecordAndShownInItsTimeline() throws Exception {
    String memo = created(admin, "{\"title\":\"Renewal\"}");
    HttpResponse<String> call =
        admin.send(
            "POST",
            "api/v1/records/activity",
            "{\"kind\":\"call\",\"subject\":\"Called about renewal\",\"about\":{\"object\":\""
                + OBJECT
                + "\",\"id\":\""
                + memo
                + "\"}}");
    assertEquals(201, call.statusCode(), call.body());
    String callId = json(call).getString("id");

    List<JsonObject> activities = timeline(admin, memo, "?kind=call");
    assertEquals(1, activities.size());
    assertEquals("activity", activities.get(0).getString("kind"));
    JsonObject logged = activities.get(0).getJsonObject("activity");
    assertEquals(callId, logged.getString("id"));
    assertEquals("Called about renewal", logged.getString("subject"));
    assertEquals(
        activities.get(0).getJsonObject("actor").getString("id"),
        logged.getJsonObject("owner").getString("id"),
        "who logs it owns it");
    assertEquals(
        List.of("activity", "history"),
        timeline(admin, memo, "").stream().map(item -> item.getString("kind")).toList());

    newUser("nosy", REP, true);
    ApiClient nosy = ApiClient.signIn(base, "nosy-" + SUFFIX, "long-enough-pass");
    assertEquals(
        403,
        nosy.send("GET", "api/v1/records/activity/" + callId, null).statusCode(),
        "no right on activities at all");
    HttpResponse<String> sneaky =
        admin.send(
            "POST",
            "api/v1/records/activity",
            "{\"subject\":\"Lost\",\"about\":{\"object\":\"nothing\",\"id\":\"" + memo + "\"}}");
    assertEquals(400, sneaky.statusCode(), sneaky.body());
    assertEquals(Set.of("/about"), pointers(sneaky));
  }

  @Test
  void sharesRefuseBadRequestsAndUnseenRecords() throws Exception {
    String owner = newUser("owner", REP, true);
    String other = newUser("other", REP, true);
    ApiClient ownerClient = ApiClient.signIn(base, "owner-" + SUFFIX, "long-enough-pass");
    ApiClient otherClient = ApiClient.signIn(base, "other-" + SUFFIX, "long-enough-pass");
    String memo = created(ownerClient, "{\"title\":\"Secret\"}");
    assertEquals(404, otherClient.send("GET", record(memo) + "/shares", null).statusCode());
    assertEquals(404, otherClient.send("GET", record(memo) + "/timeline", null).statusCode());
    HttpResponse<String> wrongKind =
        ownerClient.send("GET", record(memo) + "/timeline?kind=gossip", null);
    assertEquals(400, wrongKind.statusCode(), wrongKind.body());
    assertEquals(Set.of("kind"), pointers(wrongKind));
    assertEquals(
        404,
        otherClient
            .send(
                "POST",
                record(memo) + "/shares",
                "{\"user\":\"" + other + "\",\"access\":\"read\"}")
            .statusCode(),
        "nobody shares a record with themselves that they cannot see");
    HttpResponse<String> both =
        ownerClient.send(
            "POST",
            record(memo) + "/shares",
            "{\"user\":\"" + other + "\",\"group\":\"g\",\"access\":\"read\"}");
    assertEquals(400, both.statusCode(), both.body());
    HttpResponse<String> unknown =
        ownerClient.send(
            "POST",
            record(memo) + "/shares",
            "{\"user\":\"" + UUID.randomUUID() + "\",\"access\":\"write\"}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals(Set.of("/access"), pointers(unknown));
    assertEquals(
        0,
        json(ownerClient.send("GET", record(memo) + "/shares", null)).getJsonArray("items").size());
    assertEquals(owner, json(ownerClient.send("GET", record(memo), null)).getString("owner_id"));
  }

  private List<JsonObject> timeline(ApiClient client, String id, String query) throws Exception {
    HttpResponse<String> answer = client.send("GET", record(id) + "/timeline" + query, null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
  }

  private static List<String> strings(jakarta.json.JsonArray array) {
    return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
  }

  private String newUser(String prefix, String role, boolean writer) throws Exception {
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\""
                + prefix
                + "-"
                + SUFFIX
                + "\",\"password\":\"long-enough-pass\",\"role\":\""
                + role
                + "\",\"permissionSets\":["
                + (writer ? "\"" + WRITER + "\"" : "")
                + "]}");
    assertEquals(201, created.statusCode(), created.body());
    return json(created).getString("id");
  }

  private HttpResponse<String> login(String username, String password) throws Exception {
    return new ApiClient(base, null)
        .send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private static String created(ApiClient client, String body) throws Exception {
    HttpResponse<String> answer = client.send("POST", "api/v1/records/" + OBJECT, body);
    assertEquals(201, answer.statusCode(), answer.body());
    return json(answer).getString("id");
  }

  private static Set<String> pointers(HttpResponse<String> answer) {
    Set<String> pointers = new TreeSet<>();
    json(answer)
        .getJsonArray("errors")
        .forEach(e -> pointers.add(e.asJsonObject().getString("pointer")));
    return pointers;
  }

  private static String members(String user) {
    return "api/v1/groups/" + TEAM + "/members/" + user;
  }

  private static String record(String id) {
    return "api/v1/records/" + OBJECT + "/" + id;
  }

  /** How many times the audit log says user {@code id} was changed. */
  private static int changesOf(String id) throws Exception {
    HttpResponse<String> entries =
        admin.send("GET", "api/v1/audit?limit=200&action=user.change&record=" + id, null);
    assertEquals(200, entries.statusCode(), entries.body());
    return json(entries).getJsonArray("items").size();
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }
}
