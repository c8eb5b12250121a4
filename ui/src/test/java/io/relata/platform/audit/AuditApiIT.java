package io.relata.platform.audit;

import static io.relata.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.ApiClient;
import io.relata.testing.Deployments;
import io.relata.testing.OwnerConnection;
import io.relata.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The audit log over real HTTP, in the real WAR on real PostgreSQL: one entry per committed change
 * and none for a refused one, field values before and after for tracked fields (hidden ones held
 * back from a reader who may not see them), logins, token use, exports, metadata changes; and the
 * chain's verification after the audit table is edited, cut and reordered directly in SQL, as the
 * owner of the tables could.
 */
@ExtendWith(ArquillianExtension.class)
class AuditApiIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String OBJECT = "claim_" + SUFFIX;
  private static final String AUDITOR_SET = "auditor_" + SUFFIX;

  private static ApiClient admin;
  private static ApiClient auditor;
  private static ApiClient plain;
  private static String adminId;

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(AuditApiIT.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/relata")
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws Exception {
    if (admin != null) {
      return;
    }
    admin = TestUsers.signIn(base, users, passwords, clock, "admin");
    adminId = json(admin.send("GET", "api/v1/users/me", null)).getString("id");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/" + OBJECT,
            "{\"label\":\"Claim\",\"nameField\":\"title\",\"recordAccess\":\"read-write\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"number\",\"scale\":2,"
                + "\"trackHistory\":true},"
                + "{\"name\":\"secret\",\"label\":\"Secret\",\"type\":\"number\",\"scale\":3,"
                + "\"trackHistory\":true},"
                + "{\"name\":\"reviewer\",\"label\":\"Reviewer\",\"type\":\"user\","
                + "\"trackHistory\":true}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + AUDITOR_SET,
            "{\"label\":\"Auditor\",\"system\":[\"view-audit\"],\"objects\":{\""
                + OBJECT
                + "\":{\"read\":true,\"fields\":{\"secret\":\"hidden\",\"reviewer\":\"hidden\"}}}}"));
    auditor = user("auditor", Optional.of(AUDITOR_SET));
    plain = user("plain", Optional.empty());
  }

  @Test
  void eachCommittedChangeHasExactlyOneEntryAndARefusedOneNone() throws Exception {
    String id =
        json(created(
                admin.send(
                    "POST",
                    records(),
                    "{\"title\":\"Dent\",\"amount\":10,\"secret\":"
                        + ApiClient.HIDDEN
                        + ",\"reviewer\":\""
                        + adminId
                        + "\"}")))
            .getString("id");
    ok(admin.send("PATCH", records() + "/" + id, "{\"amount\":20,\"title\":\"Dent 2\"}"));
    HttpResponse<String> refused =
        admin.send("PATCH", records() + "/" + id, "{\"amount\":\"lots\"}");
    assertEquals(400, refused.statusCode(), refused.body());
    ok(admin.send("DELETE", records() + "/" + id, null));
    ok(admin.send("POST", records() + "/" + id + "/restore", null));

    List<JsonObject> entries = entries(admin, "object=" + OBJECT + "&record=" + id);
    assertEquals(
        List.of("record.restore", "record.delete", "record.update", "record.create"),
        entries.stream().map(e -> e.getString("action")).toList(),
        "newest first, and nothing for the refused change");
    JsonObject update = entries.get(2);
    assertEquals(adminId, update.getJsonObject("actor").getString("id"));
    assertEquals(OBJECT, update.getString("object"));
    assertEquals(
        List.of("amount", "title"),
        update.getJsonObject("detail").getJsonArray("fields").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .sorted()
            .toList(),
        "the changed fields are named");
    JsonObject amount = value(update, "amount");
    assertEquals("10.00", amount.get("before").toString());
    assertEquals("20.00", amount.get("after").toString());
    assertTrue(
        update.getJsonArray("values").stream()
            .noneMatch(v -> v.asJsonObject().getString("field").equals("title")),
        "an untracked field is named but its values are not kept");
    JsonObject create = entries.get(3);
    assertEquals(ApiClient.HIDDEN, value(create, "secret").get("after").toString());
    JsonObject owner = value(create, "owner_id");
    assertEquals(JsonValue.NULL, owner.get("before"));
    assertEquals(adminId, owner.getString("after"), "a create's owner is its creator's id");
    assertEquals(adminId, value(create, "reviewer").getString("after"));
    assertFalse(
        create.getJsonObject("detail").containsKey("actorValues"),
        "values kept by name are shown as values only");
    assertEquals("Record changed", update.getString("summary"));

    // a reader who may not see the field gets its name without its values
    List<JsonObject> seen = entries(auditor, "object=" + OBJECT + "&record=" + id);
    assertEquals(4, seen.size());
    JsonObject hidden = value(seen.get(3), "secret");
    assertTrue(hidden.getBoolean("hidden"));
    assertFalse(hidden.containsKey("after"));
    assertTrue(value(seen.get(3), "reviewer").getBoolean("hidden"));
    assertFalse(
        seen.get(3).getJsonObject("detail").containsKey("actorValues"),
        "a hidden field set to its writer is not named either: the actor would give its value");
    assertEquals(
        "20.00", value(seen.get(2), "amount").get("after").toString(), "visible values stay");

    // filters: by user and by time
    OffsetDateTime createdAt = OffsetDateTime.parse(create.getString("at"));
    assertEquals(
        List.of("record.create"),
        entries(
                admin,
                "record="
                    + id
                    + "&user="
                    + adminId
                    + "&to="
                    + createdAt.plusNanos(1000).toInstant())
            .stream()
            .map(e -> e.getString("action"))
            .toList());
    HttpResponse<String> badFilter = admin.send("GET", "api/v1/audit?user=nobody&from=x", null);
    assertEquals(400, badFilter.statusCode(), badFilter.body());
    assertTrue(badFilter.body().contains("\"user\"") && badFilter.body().contains("\"from\""));
  }

  @Test
  void tokenUseLoginsExportsAndMetadataChangesAreRecorded() throws Exception {
    String id =
        json(created(admin.send("POST", records(), "{\"title\":\"Scratch\",\"amount\":1}")))
            .getString("id");
    JsonObject create = entries(admin, "record=" + id).get(0);
    String token = create.getJsonObject("detail").getString("token");
    assertTrue(
        admin.send("GET", "api/v1/auth/tokens", null).body().contains(token),
        "the entry names the admin's own token");

    String username = json(plain.send("GET", "api/v1/users/me", null)).getString("username");
    String plainId = json(plain.send("GET", "api/v1/users/me", null)).getString("id");
    HttpResponse<String> wrong =
        new ApiClient(base, null)
            .send(
                "POST",
                "api/v1/auth/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"not-the-password\"}");
    assertEquals(401, wrong.statusCode());
    ApiClient.signIn(base, username, TestUsers.PASSWORD);
    // newest first: the token the sign-in issued, the login, the refused one
    List<JsonObject> logins = entries(admin, "object=user&record=" + plainId);
    assertEquals(
        List.of("token.issue", "login", "login.failed"),
        logins.subList(0, 3).stream().map(e -> e.getString("action")).toList());
    assertEquals(plainId, logins.get(1).getJsonObject("actor").getString("id"));
    assertEquals(JsonValue.NULL, logins.get(2).get("actor"));
    assertEquals("\"" + username + "\"", value(logins.get(2), "username").get("after").toString());

    HttpResponse<String> export =
        admin.send("GET", records() + "/export?format=ndjson&filter=amount%20%3E%200", null);
    assertEquals(200, export.statusCode(), export.body());
    JsonObject exported = entries(admin, "object=" + OBJECT + "&action=record.export").get(0);
    assertEquals(adminId, exported.getJsonObject("actor").getString("id"));
    assertNotNull(value(exported, "filter").get("after"));

    // set-up changed the object, then a permission set
    List<JsonObject> revisions = entries(admin, "action=metadata.revision&user=" + adminId);
    assertEquals(2, revisions.size());
    assertTrue(revisions.get(0).getJsonObject("detail").getBoolean("access"));
    assertEquals(
        "[\"" + OBJECT + "\"]",
        revisions.get(1).getJsonObject("detail").getJsonArray("objects").toString());
  }

  @Test
  void onlyHoldersOfViewAuditReadTheLog() throws Exception {
    for (String path : List.of("api/v1/audit", "api/v1/audit/verify", "api/v1/audit/export")) {
      HttpResponse<String> answer = plain.send("GET", path, null);
      assertEquals(403, answer.statusCode(), path + " " + answer.body());
    }
    HttpResponse<String> export = auditor.send("GET", "api/v1/audit/export?after=0", null);
    assertEquals(200, export.statusCode());
    long previous = 0;
    for (String line : export.body().split("\n")) {
      JsonObject entry = json(line);
      assertEquals(previous + 1, entry.getJsonNumber("position").longValue(), "in chain order");
      assertEquals(64, entry.getString("hash").length());
      previous++;
    }
    assertTrue(previous > 0);
  }

  /**
   * Acceptance 3: editing a value, deleting an entry and swapping two entries, each done directly
   * in SQL as the tables' owner could, are each found by {@code /verify} at the position where they
   * were made; once undone, the chain verifies again.
   */
  @Test
  void tamperingInSqlIsFoundAtItsPosition() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(
          json(created(admin.send("POST", records(), "{\"title\":\"T" + i + "\",\"amount\":5}")))
              .getString("id"));
    }
    JsonObject intact = verified();
    assertTrue(intact.getBoolean("intact"), intact.toString());
    List<Long> positions = new ArrayList<>();
    for (String id : ids) {
      positions.add(entries(admin, "record=" + id).get(0).getJsonNumber("position").longValue());
    }

    if (OwnerConnection.separate()) {
      // the application's own role cannot do any of what follows
      try (Connection application = dataSource.getConnection()) {
        SQLException refused =
            org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class,
                () -> execute(application, "UPDATE relata.audit_entry SET action = action"));
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
      }
    }
    try (Connection owner = OwnerConnection.open(dataSource)) {
      // edit a value
      long edited = positions.get(0);
      execute(
          owner,
          "UPDATE relata.audit_value SET after = '6.00' WHERE field = 'amount' AND entry_id = "
              + entryAt(owner, edited));
      assertBroken(edited, "audit.values-changed");
      execute(
          owner,
          "UPDATE relata.audit_value SET after = '5.00' WHERE field = 'amount' AND entry_id = "
              + entryAt(owner, edited));
      assertTrue(verified().getBoolean("intact"));

      // edit an entry
      execute(
          owner,
          "UPDATE relata.audit_entry SET action = 'record.delete' WHERE id = "
              + entryAt(owner, edited));
      assertBroken(edited, "audit.entry-changed");
      execute(
          owner,
          "UPDATE relata.audit_entry SET action = 'record.create' WHERE id = "
              + entryAt(owner, edited));

      // swap two entries' contents
      long first = positions.get(1);
      long second = positions.get(2);
      long a = entryAt(owner, first);
      long b = entryAt(owner, second);
      swap(owner, a, b);
      assertBroken(first, "audit.entry-changed");
      swap(owner, a, b);
      assertTrue(verified().getBoolean("intact"));

      // delete an entry, with its values and its seal (the foreign keys demand both): in the
      // middle of the chain, and at its end, which only a head published before shows
      JsonObject head = verified().getJsonObject("head");
      String published = head.getJsonNumber("position").longValue() + ":" + head.getString("hash");
      for (long deleted : List.of(positions.get(2), head.getJsonNumber("position").longValue())) {
        long entry = entryAt(owner, deleted);
        keep(owner, entry, deleted);
        execute(owner, "DELETE FROM relata.audit_seal WHERE position = " + deleted);
        execute(owner, "DELETE FROM relata.audit_value WHERE entry_id = " + entry);
        execute(owner, "DELETE FROM relata.audit_entry WHERE id = " + entry);
        assertBroken("?head=" + published, deleted, "audit.missing");
        putBack(owner);
        assertTrue(verified().getBoolean("intact"));
      }
      assertTrue(
          json(admin.send("GET", "api/v1/audit/verify?head=" + published, null))
              .getBoolean("intact"));
    }
    assertTrue(verified().getBoolean("intact"));
  }

  private void assertBroken(long position, String reason) throws Exception {
    assertBroken("", position, reason);
  }

  private void assertBroken(String query, long position, String reason) throws Exception {
    JsonObject result = json(admin.send("GET", "api/v1/audit/verify" + query, null));
    assertFalse(result.getBoolean("intact"), result.toString());
    JsonObject broken = result.getJsonObject("firstBreak");
    assertEquals(position, broken.getJsonNumber("position").longValue(), result.toString());
    assertEquals(reason, broken.getString("reason"));
    assertTrue(broken.getString("message").contains(Long.toString(position)));
  }

  /** Seals what is pending (the scheduled sealer may be doing it too), then verifies. */
  private JsonObject verified() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      AuditSealer.sealPending(dataSource, clock);
      JsonObject result = json(admin.send("GET", "api/v1/audit/verify", null));
      if (result.getJsonNumber("pending").longValue() == 0) {
        return result;
      }
      if (System.nanoTime() > deadline) {
        fail("entries stayed pending: " + result);
      }
    }
  }

  private static long entryAt(Connection owner, long position) throws SQLException {
    try (PreparedStatement select =
        owner.prepareStatement("SELECT entry_id FROM relata.audit_seal WHERE position = ?")) {
      select.setLong(1, position);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        return row.getLong(1);
      }
    }
  }

  private static void swap(Connection owner, long a, long b) throws SQLException {
    execute(
        owner,
        "UPDATE relata.audit_entry t SET at = o.at, actor_id = o.actor_id, action = o.action,"
            + " object = o.object, record_id = o.record_id, detail = o.detail"
            + " FROM relata.audit_entry o WHERE (t.id, o.id) IN (("
            + a
            + ", "
            + b
            + "), ("
            + b
            + ", "
            + a
            + "))");
  }

  /** Keeps an entry, its values and its seal aside, exactly, in temporary tables. */
  private static void keep(Connection owner, long entry, long position) throws SQLException {
    execute(
        owner,
        "CREATE TEMP TABLE kept_entry AS SELECT * FROM relata.audit_entry WHERE id = " + entry);
    execute(
        owner,
        "CREATE TEMP TABLE kept_value AS SELECT * FROM relata.audit_value WHERE entry_id = "
            + entry);
    execute(
        owner,
        "CREATE TEMP TABLE kept_seal AS SELECT * FROM relata.audit_seal WHERE position = "
            + position);
  }

  /** Puts back what {@link #keep} kept aside. */
  private static void putBack(Connection owner) throws SQLException {
    execute(
        owner, "INSERT INTO relata.audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM kept_entry");
    execute(owner, "INSERT INTO relata.audit_value SELECT * FROM kept_value");
    execute(owner, "INSERT INTO relata.audit_seal SELECT * FROM kept_seal");
    execute(owner, "DROP TABLE kept_entry, kept_value, kept_seal");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  private static List<JsonObject> entries(ApiClient client, String query) throws Exception {
    HttpResponse<String> answer = client.send("GET", "api/v1/audit?limit=200&" + query, null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
  }

  private static JsonObject value(JsonObject entry, String field) {
    return entry.getJsonArray("values").stream()
        .map(JsonValue::asJsonObject)
        .filter(v -> v.getString("field").equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no value of " + field + " in " + entry));
  }

  private ApiClient user(String prefix, Optional<String> permissionSet) throws Exception {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user =
        new User(
            username, passwords.hash(TestUsers.PASSWORD.toCharArray()), OffsetDateTime.now(clock));
    users.add(user);
    permissionSet.ifPresent(set -> users.assignPermissionSet(user.id(), set));
    return ApiClient.signIn(base, username, TestUsers.PASSWORD);
  }

  private static String records() {
    return "api/v1/records/" + OBJECT;
  }

  private static HttpResponse<String> created(HttpResponse<String> answer) {
    assertEquals(201, answer.statusCode(), answer.body());
    return answer;
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }
}
