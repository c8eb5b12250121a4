package io.relata.platform.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
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
 * The metadata REST API in the real WAR on real PostgreSQL: a model is built, changed and reverted
 * over HTTP, as one story, because each step starts from the revision the last one left.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetadataApiIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String token;

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(MetadataApiIT.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/relata")
  private DataSource dataSource;

  @BeforeEach
  void signIn() throws Exception {
    if (token == null) {
      String username = "designer-" + UUID.randomUUID().toString().substring(0, 8);
      User designer =
          new User(
              username, passwords.hash("s3cret-pass".toCharArray()), OffsetDateTime.now(clock));
      users.add(designer);
      users.assignPermissionSet(
          designer.id(), io.relata.metadata.access.PermissionSet.ADMINISTRATOR);
      HttpResponse<String> issued =
          send(
              "POST",
              "api/v1/auth/tokens",
              "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}");
      token = json(issued).getString("token");
    }
  }

  @Test
  @Order(1)
  void aBundleWithEveryFieldTypeBecomesTablesAndARevision() throws Exception {
    // objects that other test classes defined stay: a bundle replaces the whole model
    StringBuilder others = new StringBuilder();
    for (var object : json(send("GET", "api/v1/metadata/bundle", null)).getJsonArray("objects")) {
      String name = object.asJsonObject().getString("name");
      if (!java.util.List.of("account", "opportunity", "line_item").contains(name)) {
        others.append(object).append(',');
      }
    }
    String bundle =
        "{\"objects\": ["
            + others
            + fixture("account")
            + ","
            + fixture("opportunity")
            + ","
            + fixture("line_item")
            + "]}";
    long before = revisions();

    HttpResponse<String> applied = send("POST", "api/v1/metadata/bundle?comment=start", bundle);

    assertEquals(200, applied.statusCode(), applied.body());
    assertEquals(before + 1, revisions());
    assertEquals(
        1,
        count(
            "select count(*) from information_schema.tables where table_schema = 'records' and table_name = 'opportunity'"));
    HttpResponse<String> schema = send("GET", "api/v1/metadata/objects/opportunity/schema", null);
    assertEquals(200, schema.statusCode());
    assertEquals("urn:relata:record:opportunity", json(schema).getString("$id"));
  }

  @Test
  @Order(2)
  void aBadDocumentGetsProblemsWithPointersAndChangesNothing() throws Exception {
    long before = revisions();
    String broken = fixture("account").replace("\"type\": \"text\"", "\"type\": \"money\"");

    HttpResponse<String> refused = send("PUT", "api/v1/metadata/objects/account", broken);

    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    JsonObject error = json(refused).getJsonArray("errors").getJsonObject(0);
    assertEquals("/fields/0/type", error.getString("pointer"));
    assertEquals("schema.enum", error.getString("code"));
    assertEquals(before, revisions());

    HttpResponse<String> unknown = send("GET", "api/v1/metadata/objects/nothing", null);
    assertEquals(404, unknown.statusCode());

    String oversized = "{\"label\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    HttpResponse<String> tooLarge = putLarge("api/v1/metadata/objects/account", oversized);
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    HttpResponse<String> namedImport = putLarge("api/v1/metadata/objects/import", oversized);
    assertEquals(413, namedImport.statusCode(), "only a record import takes large bodies");
    assertEquals(before, revisions());

    String username = "reader-" + UUID.randomUUID().toString().substring(0, 8);
    users.add(
        new User(username, passwords.hash("s3cret-pass".toCharArray()), OffsetDateTime.now(clock)));
    String designerToken = token;
    token = null;
    try {
      token =
          json(send(
                  "POST",
                  "api/v1/auth/tokens",
                  "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}"))
              .getString("token");
      HttpResponse<String> notAllowed = send("PUT", "api/v1/metadata/objects/account", broken);
      assertEquals(403, notAllowed.statusCode(), "refused before its body tells anything");
      assertEquals(403, send("POST", "api/v1/metadata/plan", "not json at all").statusCode());
    } finally {
      token = designerToken;
    }
  }

  @Test
  @Order(3)
  void droppingAFieldNeedsConfirmationAndARevertBringsBackRenamesAndEveryValue() throws Exception {
    execute(
        "insert into records.account (id, owner_id, created_at, created_by, updated_at, updated_by, account_name)"
            + " select gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(),"
            + " 'Account ' || n from generate_series(1, 1000) n");
    long start = revisions();

    String renamed =
        fixture("account")
            .replace(
                "\"name\": \"account_name\"",
                "\"name\": \"company_name\", \"renamedFrom\": \"account_name\"")
            .replace("\"nameField\": \"account_name\"", "\"nameField\": \"company_name\"");
    assertEquals(200, send("PUT", "api/v1/metadata/objects/account", renamed).statusCode());
    assertEquals(1000, count("select count(company_name) from records.account"));

    HttpResponse<String> diff = send("GET", "api/v1/metadata/revisions/" + start + "/diff", null);
    assertEquals(200, diff.statusCode(), diff.body());
    JsonObject rename = json(diff).getJsonArray("changes").getJsonObject(0);
    assertEquals("field-renamed", rename.getString("kind"));
    assertEquals("account_name", rename.getString("from"));

    String reverted = "api/v1/metadata/revisions/" + start + "/revert";
    HttpResponse<String> revert = send("POST", reverted, "");
    assertEquals(200, revert.statusCode(), revert.body());
    assertEquals(1000, count("select count(account_name) from records.account"));

    String dropped = fixture("account").replace("\"required\": true", "\"required\": false");
    dropped =
        dropped.substring(0, dropped.indexOf("\"fields\""))
            + "\"fields\": [{\"name\": \"account_name\", \"label\": \"Account name\", \"type\": \"text\"}, {\"name\": \"extra\", \"label\": \"Extra\", \"type\": \"text\"}]}";
    assertEquals(200, send("PUT", "api/v1/metadata/objects/account", dropped).statusCode());
    String withoutExtra =
        dropped.replace(", {\"name\": \"extra\", \"label\": \"Extra\", \"type\": \"text\"}", "");
    execute("update records.account set extra = 'x' where account_name like 'Account 1%'");
    long beforeDrop = revisions();
    HttpResponse<String> unconfirmed =
        send(token, "PUT", "api/v1/metadata/objects/account", withoutExtra, "sv-SE,sv;q=0.9");
    assertEquals(409, unconfirmed.statusCode(), unconfirmed.body());
    JsonObject plan = json(unconfirmed).getJsonObject("plan").getJsonObject("plan");
    assertTrue(plan.getBoolean("destructive"));
    JsonObject drop =
        plan.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
            .filter(step -> step.getString("code").equals("schema.set-aside-column"))
            .findFirst()
            .orElseThrow();
    // "Account 1", "Account 10" .. "Account 19", "Account 100" .. "Account 199", "Account 1000"
    assertEquals(
        "lägger kolumnen extra i account åt sidan med dess 112 värden; den kan återställas i 15"
            + " dagar",
        drop.getString("text"));
    assertEquals(beforeDrop, revisions());

    HttpResponse<String> otherPlan =
        send("PUT", "api/v1/metadata/objects/account?confirm=0123456789abcdef", withoutExtra);
    assertEquals(409, otherPlan.statusCode(), "a confirmation of another plan confirms nothing");
    assertEquals(beforeDrop, revisions());
    assertEquals(
        200,
        send(
                "PUT",
                "api/v1/metadata/objects/account?confirm=" + plan.getString("fingerprint"),
                withoutExtra)
            .statusCode());
    assertEquals(beforeDrop + 1, revisions());

    // kept aside for 15 days: listed, and a revert brings every value back
    JsonObject kept =
        json(send("GET", "api/v1/metadata/set-aside", null))
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(item -> item.getString("field", "").equals("extra"))
            .findFirst()
            .orElseThrow();
    assertEquals(112, kept.getInt("count"));
    assertEquals(beforeDrop + 1, kept.getJsonNumber("revision").longValue());
    execute(
        "insert into records.account (id, owner_id, created_at, created_by, updated_at, updated_by, account_name)"
            + " values (gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(), now(), gen_random_uuid(), 'Saved meanwhile')");
    HttpResponse<String> undo =
        send("POST", "api/v1/metadata/revisions/" + beforeDrop + "/revert", "");
    assertEquals(200, undo.statusCode(), "restoring deletes nothing: no confirmation");
    assertEquals(112, count("select count(extra) from records.account"));
    assertEquals(
        112,
        count(
            "select count(*) from records.account where extra = 'x' and account_name like 'Account 1%'"),
        "every value where it was");
    assertFalse(
        send("GET", "api/v1/metadata/set-aside", null).body().contains("\"extra\""),
        "restored: no longer kept aside");
  }

  @Test
  @Order(4)
  void aFailureAfterTheDdlLeavesSchemaAndRevisionsExactlyAsBefore() throws Exception {
    long before = revisions();
    long columnsBefore =
        count("select count(*) from information_schema.columns where table_schema = 'records'");
    // the revision insert, the last step of a change, fails: the DDL before it must roll back too
    executeAsOwner(
        "create function relata.fail_revision() returns trigger language plpgsql as"
            + " $$ begin raise exception 'injected failure'; end $$;"
            + " create trigger fail_revision before insert on relata.metadata_revision"
            + " for each row execute function relata.fail_revision()");
    try {
      String widened =
          send("GET", "api/v1/metadata/objects/account", null)
              .body()
              .replace(
                  "\"fields\":[",
                  "\"fields\":[{\"name\":\"website\",\"label\":\"Website\",\"type\":\"url\",\"indexed\":true},");

      HttpResponse<String> failed = send("PUT", "api/v1/metadata/objects/account", widened);

      assertEquals(500, failed.statusCode(), failed.body());
      assertEquals("urn:relata:problem:internal", json(failed).getString("type"));
      assertTrue(!failed.body().contains("injected failure"), "no SQL message reaches the client");
    } finally {
      executeAsOwner(
          "drop trigger fail_revision on relata.metadata_revision; drop function relata.fail_revision()");
    }
    assertEquals(before, revisions());
    assertEquals(
        columnsBefore,
        count("select count(*) from information_schema.columns where table_schema = 'records'"));
    assertEquals(
        0, count("select count(*) from pg_indexes where indexname = 'account_website_idx'"));
  }

  @Test
  @Order(5)
  void aRevisionCommittedByAnotherNodeReachesThisOneThroughNotify() throws Exception {
    long latest = count("select max(number) from relata.metadata_revision");
    String note =
        "{\"name\":\"note\",\"label\":\"Note\",\"nameField\":\"subject\",\"fields\":"
            + "[{\"name\":\"subject\",\"label\":\"Subject\",\"type\":\"text\"}]}";
    // what another node's MetadataService writes: the table, a revision, a notification on commit
    execute(
        "create table records.note (id uuid primary key, owner_id uuid not null,"
            + " created_at timestamptz not null, created_by uuid not null,"
            + " updated_at timestamptz not null, updated_by uuid not null,"
            + " version bigint not null default 1, deleted_at timestamptz, subject varchar(255),"
            + " _search tsvector);"
            + " insert into relata.metadata_revision (number, created_at, author_id, comment,"
            + " documents)"
            + " select "
            + (latest + 1)
            + ", now(), author_id, 'from another node',"
            + " jsonb_set(documents, '{objects}', (documents -> 'objects') || '["
            + note
            + "]'::jsonb) from relata.metadata_revision where number = "
            + latest
            + "; notify relata_metadata, '"
            + (latest + 1)
            + "'");

    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    HttpResponse<String> objects;
    do {
      objects = send("GET", "api/v1/metadata/objects", null);
    } while (!objects.body().contains("\"note\"") && System.nanoTime() < deadline);

    assertTrue(objects.body().contains("\"name\":\"note\""), objects.body());
    assertEquals(latest + 1, json(objects).getJsonNumber("revision").longValue());
  }

  @Test
  @Order(6)
  void everyKindIsServedByOneResourceWithNamespacedNamesAndPlans() throws Exception {
    String ticket =
        "{\"label\":\"Ticket\",\"nameField\":\"subject\",\"fields\":"
            + "[{\"name\":\"subject\",\"label\":\"Subject\",\"type\":\"text\"}]}";
    long before = revisions();
    HttpResponse<String> planned =
        send("POST", "api/v1/metadata/objects/service__ticket/plan", ticket);
    assertEquals(200, planned.statusCode(), planned.body());
    assertEquals(false, json(planned).getBoolean("applied"));
    assertEquals(before, revisions());
    assertEquals(404, send("GET", "api/v1/metadata/objects/service__ticket", null).statusCode());

    HttpResponse<String> created = send("PUT", "api/v1/metadata/objects/service__ticket", ticket);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        1,
        count(
            "select count(*) from information_schema.tables"
                + " where table_schema = 'records' and table_name = 'service__ticket'"));
    HttpResponse<String> read = send("GET", "api/v1/metadata/objects/service__ticket", null);
    assertEquals("admin", json(read).getJsonObject("origin").getString("source"), read.body());
    HttpResponse<String> claimed =
        send(
            "PUT",
            "api/v1/metadata/objects/service__ticket",
            ticket.replace(
                "{\"label\"",
                "{\"origin\":{\"source\":\"plugin\",\"plugin\":\"x\",\"version\":\"1\"},"
                    + "\"label\""));
    assertEquals(400, claimed.statusCode(), claimed.body());
    assertTrue(claimed.body().contains("\"/origin\""), claimed.body());
    String role = "{\"label\":\"Service agents\"}";
    assertEquals(201, send("PUT", "api/v1/metadata/roles/service__agents", role).statusCode());
    HttpResponse<String> roles = send("GET", "api/v1/metadata/roles", null);
    assertTrue(roles.body().contains("\"service__agents\""), roles.body());
    HttpResponse<String> deletion =
        send("POST", "api/v1/metadata/roles/service__agents/plan?delete=true", null);
    assertEquals(200, deletion.statusCode(), deletion.body());
    assertEquals(200, send("GET", "api/v1/metadata/roles/service__agents", null).statusCode());

    HttpResponse<String> metaSchema =
        send("GET", "api/v1/metadata/sharing-rules/meta-schema", null);
    assertEquals(200, metaSchema.statusCode(), metaSchema.body());
    assertTrue(json(metaSchema).containsKey("properties"), metaSchema.body());
    assertEquals(404, send("GET", "api/v1/metadata/translations", null).statusCode());
    assertEquals(
        404, send("GET", "api/v1/metadata/roles/service__agents/schema", null).statusCode());
    // the literal paths beside the kinds stay theirs
    assertEquals(200, send("GET", "api/v1/metadata/revisions", null).statusCode());
    assertEquals(200, send("GET", "api/v1/metadata/bundle", null).statusCode());
    HttpResponse<String> doubled = send("PUT", "api/v1/metadata/roles/a__b__c", role);
    assertEquals(400, doubled.statusCode(), doubled.body());
  }

  @Test
  @Order(7)
  void relatasOwnActivityObjectIsThereAndStays() throws Exception {
    HttpResponse<String> activity = send("GET", "api/v1/metadata/objects/activity", null);
    assertEquals(200, activity.statusCode(), activity.body());
    assertEquals("core", json(activity).getJsonObject("origin").getString("source"));
    long before = revisions();

    HttpResponse<String> deleted = send("DELETE", "api/v1/metadata/objects/activity", null);
    assertEquals(400, deleted.statusCode(), deleted.body());
    assertTrue(deleted.body().contains("ships with Relata (activity)"), deleted.body());
    assertEquals(before, revisions());
    assertEquals(200, send("GET", "api/v1/metadata/objects/activity", null).statusCode());
  }

  @Test
  @Order(8)
  void appsAndDashboardsAreEveryUsersToReadAndFollowTheObjects() throws Exception {
    String ticket =
        "{\"label\":\"Case\",\"nameField\":\"subject\",\"fields\":"
            + "[{\"name\":\"subject\",\"label\":\"Subject\",\"type\":\"text\"},"
            + "{\"name\":\"hours\",\"label\":\"Hours\",\"type\":\"number\"}]}";
    assertEquals(201, send("PUT", "api/v1/metadata/objects/support_case", ticket).statusCode());
    long before = revisions();
    HttpResponse<String> bad =
        send(
            "PUT",
            "api/v1/metadata/dashboards/service",
            "{\"label\":\"Service\",\"widgets\":[{\"type\":\"bar\",\"title\":\"Hours\","
                + "\"object\":\"support_case\",\"groupBy\":\"subject\","
                + "\"measure\":\"sum:nothing\"}]}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"/widgets/0/measure\""), bad.body());
    assertEquals(before, revisions());

    String dashboard =
        "{\"label\":\"Service\",\"widgets\":["
            + "{\"type\":\"metric\",\"title\":\"Cases\",\"object\":\"support_case\","
            + "\"measure\":\"count\"},"
            + "{\"type\":\"metric\",\"title\":\"Activities\",\"object\":\"activity\","
            + "\"measure\":\"count\"}]}";
    assertEquals(201, send("PUT", "api/v1/metadata/dashboards/service", dashboard).statusCode());
    String app =
        "{\"label\":\"Service\",\"icon\":\"headset\","
            + "\"objects\":[\"support_case\",\"activity\"],\"home\":\"service\"}";
    HttpResponse<String> put = send("PUT", "api/v1/metadata/apps/service", app);
    assertEquals(201, put.statusCode(), put.body());

    // a user with no right at all reads them as they may see them: nothing of what they may not
    // read
    String username = "reader-" + UUID.randomUUID().toString().substring(0, 8);
    users.add(
        new User(username, passwords.hash("s3cret-pass".toCharArray()), OffsetDateTime.now(clock)));
    String reader =
        json(send(
                "POST",
                "api/v1/auth/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}"))
            .getString("token");
    HttpResponse<String> apps = send(reader, "GET", "api/v1/metadata/apps", null);
    assertEquals(200, apps.statusCode(), apps.body());
    assertTrue(apps.body().contains("\"headset\""), apps.body());
    assertFalse(apps.body().contains("support_case"), apps.body());
    assertFalse(
        apps.body().contains("\"home\""), "a home of widgets he may not see: " + apps.body());
    assertEquals(404, send(reader, "GET", "api/v1/metadata/dashboards/service", null).statusCode());
    assertFalse(
        send(reader, "GET", "api/v1/metadata/dashboards", null).body().contains("support_case"));
    assertEquals(403, send(reader, "GET", "api/v1/metadata/roles", null).statusCode());
    assertEquals(403, send(reader, "PUT", "api/v1/metadata/apps/service", app).statusCode());

    // the object goes: it leaves the app, and its widget goes with it, in the same revision
    HttpResponse<String> removed =
        send("DELETE", "api/v1/metadata/objects/support_case?confirm=true", null);
    assertEquals(204, removed.statusCode(), removed.body());
    JsonObject after = json(send("GET", "api/v1/metadata/apps/service", null));
    assertEquals(1, after.getJsonArray("objects").size(), after.toString());
    assertEquals("activity", after.getJsonArray("objects").getString(0));
    JsonObject widgets = json(send("GET", "api/v1/metadata/dashboards/service", null));
    assertEquals(1, widgets.getJsonArray("widgets").size(), widgets.toString());
    assertEquals("activity", widgets.getJsonArray("widgets").getJsonObject(0).getString("object"));
  }

  @Test
  @Order(9)
  void automationsAreCheckedDocumentsThatHoldTheObjectsTheyName() throws Exception {
    String survey =
        "{\"label\":\"Survey\",\"nameField\":\"title\",\"fields\":"
            + "[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
            + "{\"name\":\"score\",\"label\":\"Score\",\"type\":\"number\"},"
            + "{\"name\":\"closed\",\"label\":\"Closed\",\"type\":\"boolean\"}]}";
    assertEquals(201, send("PUT", "api/v1/metadata/objects/survey", survey).statusCode());
    long before = revisions();
    HttpResponse<String> bad =
        send(
            "PUT",
            "api/v1/metadata/automations/close_low",
            "{\"label\":\"Close low scores\",\"object\":\"survey\","
                + "\"trigger\":{\"type\":\"record\",\"timing\":\"before\","
                + "\"on\":[\"create\",\"update\"],\"fields\":[\"score\"]},"
                + "\"condition\":\"score < 3\","
                + "\"actions\":[{\"type\":\"set\",\"formulas\":{\"closed\":\"title\"}}]}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"/actions/0/formulas/closed\""), bad.body());
    assertEquals(before, revisions(), "a refused automation makes no revision");

    String automation =
        "{\"label\":\"Close low scores\",\"object\":\"survey\","
            + "\"trigger\":{\"type\":\"record\",\"timing\":\"before\","
            + "\"on\":[\"create\",\"update\"],\"fields\":[\"score\"]},"
            + "\"condition\":\"score < 3\","
            + "\"actions\":[{\"type\":\"set\",\"values\":{\"closed\":true}}]}";
    HttpResponse<String> put = send("PUT", "api/v1/metadata/automations/close_low", automation);
    assertEquals(201, put.statusCode(), put.body());
    assertEquals(before + 1, revisions());
    JsonObject stored = json(send("GET", "api/v1/metadata/automations/close_low", null));
    assertEquals("survey", stored.getString("object"));

    // and it runs: a record written with a low score is closed before it is saved
    HttpResponse<String> low =
        send("POST", "api/v1/records/survey", "{\"title\":\"Q4\",\"score\":2}");
    assertEquals(201, low.statusCode(), low.body());
    assertTrue(json(low).getBoolean("closed"), low.body());
    HttpResponse<String> high =
        send("POST", "api/v1/records/survey", "{\"title\":\"Q3\",\"score\":4}");
    assertEquals(201, high.statusCode(), high.body());
    assertFalse(json(high).containsKey("closed") && !json(high).isNull("closed"), high.body());

    // the object cannot go while an automation names it: the problem is at the automation
    HttpResponse<String> removed =
        send("DELETE", "api/v1/metadata/objects/survey?confirm=true", null);
    assertEquals(400, removed.statusCode(), removed.body());
    assertTrue(removed.body().contains("\"/automations/close_low/object\""), removed.body());
    assertEquals(200, send("GET", "api/v1/metadata/objects/survey", null).statusCode());

    assertEquals(204, send("DELETE", "api/v1/metadata/automations/close_low", null).statusCode());
    assertEquals(404, send("GET", "api/v1/metadata/automations/close_low", null).statusCode());
    assertEquals(
        204, send("DELETE", "api/v1/metadata/objects/survey?confirm=true", null).statusCode());
  }

  private long revisions() throws Exception {
    return count("select count(*) from relata.metadata_revision");
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

  /** As the owner of the tables: only the owner may put a trigger on them. */
  private void executeAsOwner(String sql) throws Exception {
    try (var connection = io.relata.testing.OwnerConnection.open(dataSource)) {
      connection.createStatement().execute(sql);
    }
  }

  /**
   * A large body as a careful client sends it (HTTP/1.1, {@code Expect: 100-continue}): the server
   * may refuse it before it is sent.
   */
  private HttpResponse<String> putLarge(String path, String body) throws Exception {
    return java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(token, method, path, body);
  }

  private HttpResponse<String> send(String bearer, String method, String path, String body)
      throws Exception {
    return send(bearer, method, path, body, "en");
  }

  private HttpResponse<String> send(
      String bearer, String method, String path, String body, String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve(path));
    request.header("Accept-Language", language);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    request.header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in =
        MetadataApiIT.class.getResourceAsStream("/fixtures/objects/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject json(HttpResponse<String> answer) {
    return Json.createReader(new StringReader(answer.body())).readObject();
  }
}
