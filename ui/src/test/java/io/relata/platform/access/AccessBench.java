package io.relata.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.access.PermissionSet;
import io.relata.metadata.condition.ConditionParser;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.ApiTokens;
import io.relata.platform.identity.Holdings;
import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.record.RecordService;
import io.relata.testing.ApiClient;
import io.relata.testing.BenchReport;
import io.relata.testing.Deployments;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 4 of issue 5: a permission-checked list for a user who sees 10% of 1,000,000 records —
 * 5% through the role hierarchy (five reps below them own 1% each), 5% through a sharing rule
 * (records owned by a group of five others) — against the same list written by hand: the filter
 * with the ten owners spelled out. The viewer acts as an API request does, with the holdings read
 * by the token check; what reading them adds to that check (the same query by JDBC, with and
 * without them) is measured in the same run and added to the permission-checked side. Not a test:
 * {@code ./mvnw -B -pl ui -am verify -Pbench -Dit.test=AccessBench
 * -Dfailsafe.failIfNoSpecifiedTests=false}; figures go to {@code ui/target/bench/access-list.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class AccessBench {

  private static final int ROWS = 1_000_000;
  private static final int OWNERS = 100;
  private static final String OBJECT = "bench_private";

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(AccessBench.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private RecordService records;
  @Inject private CompiledObjects objects;
  @Inject private Clock clock;
  @Inject private ApiTokens tokens;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/relata")
  private DataSource dataSource;

  @Test
  void permissionCheckedList() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String hash = passwords.hash("bench-passphrase".toCharArray());
    User admin = user("bench-admin-" + suffix, hash);
    users.assignPermissionSet(admin.id(), PermissionSet.ADMINISTRATOR);
    ApiClient api = ApiClient.signIn(base, admin.username(), "bench-passphrase").privileged();
    String manager = "bench_manager_" + suffix;
    String rep = "bench_rep_" + suffix;
    String reader = "bench_reader_" + suffix;
    String team = "bench_team_" + suffix;
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/objects/" + OBJECT,
            "{\"label\":\"Bench\",\"nameField\":\"name\",\"recordAccess\":\"private\",\"fields\":["
                + "{\"name\":\"name\",\"label\":\"Name\",\"type\":\"text\",\"maxLength\":100},"
                + "{\"name\":\"status\",\"label\":\"Status\",\"type\":\"text\",\"maxLength\":10,"
                + "\"indexed\":true},"
                + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"number\",\"precision\":12,"
                + "\"scale\":2,\"indexed\":true}]}"));
    ok(api.send("PUT", "api/v1/metadata/roles/" + manager, "{\"label\":\"Manager\"}"));
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/roles/" + rep,
            "{\"label\":\"Rep\",\"parent\":\"" + manager + "\"}"));
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/permission-sets/" + reader,
            "{\"label\":\"Reader\",\"objects\":{\"" + OBJECT + "\":{\"read\":true}}}"));
    ok(api.send("PUT", "api/v1/groups/" + team, "{\"label\":\"Team\"}"));

    User viewer = user("bench-viewer-" + suffix, hash);
    users.setRole(viewer.id(), Optional.of(manager));
    users.assignPermissionSet(viewer.id(), reader);
    List<UUID> owners = new ArrayList<>();
    List<UUID> reached = new ArrayList<>();
    for (int i = 0; i < OWNERS; i++) {
      User owner = user("bench-owner-" + i + "-" + suffix, hash);
      owners.add(owner.id());
      if (i < 5) {
        users.setRole(owner.id(), Optional.of(rep));
        reached.add(owner.id());
      } else if (i < 10) {
        ok(api.send("PUT", "api/v1/groups/" + team + "/members/" + owner.id(), null));
        reached.add(owner.id());
      }
    }
    ok(
        api.send(
            "PUT",
            "api/v1/metadata/sharing-rules/team_" + suffix,
            "{\"label\":\"Team\",\"object\":\""
                + OBJECT
                + "\",\"ownedBy\":{\"group\":\""
                + team
                + "\"},\"sharedWith\":{\"role\":\""
                + manager
                + "\"},\"access\":\"read\"}"));
    fill(owners, admin.id());

    // as an API request sees the viewer: holdings read with the token, in its one query
    ApiTokens.Issued issued = tokens.issue(viewer.asActor(), Optional.of("bench"));
    Actor actor = tokens.authenticate(issued.token()).orElseThrow();
    assertTrue(actor.holdings().isPresent());
    String selectList =
        "\"id\", \"owner_id\", \"created_at\", \"created_by\", \"updated_at\","
            + " \"updated_by\", \"version\", \"deleted_at\", \"name\", \"status\", \"amount\"";
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%,d records of %s owned by %d users, 1%% each; the viewer reaches 5 of them through"
                + " the role hierarchy and 5 through a sharing rule on a group: 10%%%n",
            ROWS,
            OBJECT,
            OWNERS));
    for (boolean filtered : List.of(false, true)) {
      RecordQuery query =
          new RecordQuery(
              filtered ? Optional.of(ConditionParser.parse("status = \"s3\"")) : Optional.empty(),
              Optional.empty(),
              Optional.of("-amount"),
              Optional.empty(),
              50,
              Optional.empty(),
              List.of(),
              false);
      String byHand =
          "SELECT "
              + selectList
              + " FROM \"records\".\""
              + OBJECT
              + "\" WHERE \"deleted_at\" IS NULL"
              + (filtered ? " AND \"status\" = 's3'" : "")
              + " AND \"owner_id\" = ANY(?) ORDER BY \"amount\" DESC, \"id\" DESC LIMIT 51";
      assertEquals(
          ROWS / 10 / (filtered ? 10 : 1),
          count(
              "SELECT count(*) FROM records."
                  + OBJECT
                  + " WHERE deleted_at IS NULL"
                  + (filtered ? " AND status = 's3'" : "")
                  + " AND owner_id = ANY(?)",
              reached));
      String generated;
      List<Object> binds;
      try (Connection connection = dataSource.getConnection()) {
        var read =
            objects
                .current()
                .evaluator(connection, actor, clock)
                .on(records.object(OBJECT).definition())
                .read()
                .condition();
        generated = byHand.replace("\"owner_id\" = ANY(?)", read.text());
        binds = read.binds();
      }
      int warmup = 500;
      int runs = 1_000;
      long[] raw = new long[runs];
      long[] checked = new long[runs];
      long[] predicate = new long[runs];
      long[] holdings = new long[runs];
      long[] tokenOnly = new long[runs];
      long[] tokenAndHoldings = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        long start = System.nanoTime();
        List<String> byHandIds = handWritten(byHand, reached);
        long afterRaw = System.nanoTime();
        List<String> relataIds =
            records.list(actor, OBJECT, query, false).items().stream()
                .map(r -> r.get("id").asText())
                .toList();
        long afterRelata = System.nanoTime();
        List<String> generatedIds = generated(generated, binds);
        long afterGenerated = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
          Subjects.load(connection, viewer.id());
        }
        long afterHoldings = System.nanoTime();
        token(issued.id(), false);
        long afterToken = System.nanoTime();
        token(issued.id(), true);
        long afterTokenAndHoldings = System.nanoTime();
        if (i >= 0) {
          tokenOnly[i] = afterToken - afterHoldings;
          tokenAndHoldings[i] = afterTokenAndHoldings - afterToken;
          raw[i] = afterRaw - start;
          checked[i] = afterRelata - afterRaw;
          predicate[i] = afterGenerated - afterRelata;
          holdings[i] = afterHoldings - afterGenerated;
        } else if (i == -warmup) {
          assertEquals(byHandIds.subList(0, 50), relataIds, "the same 50 records");
          assertEquals(byHandIds, generatedIds, "the same 51 rows");
        }
      }
      // what the holdings cost inside the token's query, never less than nothing
      long added =
          Math.max(
              0,
              BenchReport.percentile(tokenAndHoldings, 50) - BenchReport.percentile(tokenOnly, 50));
      text.append(
          String.format(
              Locale.ROOT,
              "%s, sort -amount, 50 rows, no count; %d runs after %d warm-up, interleaved%n"
                  + "  hand-written SQL by JDBC, owners spelled out (baseline): p50 %.3f ms,"
                  + " p95 %.3f ms%n"
                  + "  RecordService.list as the viewer (holdings as read with the token,"
                  + " predicate joined): p50 %.3f ms, p95 %.3f ms%n"
                  + "  what reading the holdings adds to the token check (same query, by JDBC):"
                  + " p50 %.3f ms (%.3f ms with, %.3f ms without)%n"
                  + "  ratio, list plus that: p50 %.2fx, p95 %.2fx%n"
                  + "  of which: the generated SQL (predicate joined) by JDBC: p50 %.3f ms,"
                  + " p95 %.3f ms (p50 %.2fx the baseline); reading the viewer's holdings:"
                  + " p50 %.3f ms%n",
              filtered ? "filter status = s3 (indexed, 10%)" : "no filter",
              runs,
              warmup,
              BenchReport.ms(BenchReport.percentile(raw, 50)),
              BenchReport.ms(BenchReport.percentile(raw, 95)),
              BenchReport.ms(BenchReport.percentile(checked, 50)),
              BenchReport.ms(BenchReport.percentile(checked, 95)),
              BenchReport.ms(added),
              BenchReport.ms(BenchReport.percentile(tokenAndHoldings, 50)),
              BenchReport.ms(BenchReport.percentile(tokenOnly, 50)),
              (BenchReport.percentile(checked, 50) + added)
                  / (double) BenchReport.percentile(raw, 50),
              (BenchReport.percentile(checked, 95) + added)
                  / (double) BenchReport.percentile(raw, 95),
              BenchReport.ms(BenchReport.percentile(predicate, 50)),
              BenchReport.ms(BenchReport.percentile(predicate, 95)),
              BenchReport.percentile(predicate, 50) / (double) BenchReport.percentile(raw, 50),
              BenchReport.ms(BenchReport.percentile(holdings, 50))));
    }
    BenchReport.write("access-list", text.toString());
  }

  /** The token check's query by JDBC, with the user's holdings or without (as before). */
  private void token(UUID id, boolean withHoldings) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT u.id, u.username, u.active, t.expires_at, t.revoked_at, t.id"
                    + (withHoldings ? ", " + Holdings.columns(true) : "")
                    + " FROM relata.api_token t JOIN relata.app_user u ON u.id = t.user_id"
                    + " WHERE t.id = ?")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        if (withHoldings) {
          Holdings.read(row, 7, true);
        }
      }
    }
  }

  private User user(String username, String hash) {
    User user = new User(username, hash, OffsetDateTime.now(clock));
    users.add(user);
    return user;
  }

  /** 1,000,000 rows written straight by SQL, owner i for row g when g % 100 = i, then analysed. */
  private void fill(List<UUID> owners, UUID author) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO records."
                    + OBJECT
                    + " (id, owner_id, created_at, created_by, updated_at, updated_by, version,"
                    + " name, status, amount) SELECT gen_random_uuid(), (?::uuid[])[1 + g % "
                    + OWNERS
                    + "], now(), ?, now(), ?, 1, 'Item ' || g, 's' || (g / 100 % 10),"
                    + " (g::bigint * 7919 % 100000) / 100.0 FROM generate_series(1, "
                    + ROWS
                    + ") g")) {
      insert.setArray(1, connection.createArrayOf("uuid", owners.toArray()));
      insert.setObject(2, author);
      insert.setObject(3, author);
      insert.executeUpdate();
      try (Statement analyse = connection.createStatement()) {
        analyse.execute("VACUUM ANALYZE records." + OBJECT);
      }
    }
  }

  private List<String> handWritten(String sql, List<UUID> owners) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      Array array = connection.createArrayOf("uuid", owners.toArray());
      statement.setArray(1, array);
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            rows.getObject(c);
          }
          ids.add(rows.getString("id"));
        }
      }
    }
    return ids;
  }

  /** The statement Relata runs, with its binds as Relata binds them (role lists as text[]). */
  private List<String> generated(String sql, List<Object> binds) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < binds.size(); i++) {
        Object bind = binds.get(i);
        if (bind instanceof List<?> list) {
          statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
        } else {
          statement.setObject(i + 1, bind);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            rows.getObject(c);
          }
          ids.add(rows.getString("id"));
        }
      }
    }
    return ids;
  }

  private long count(String sql, List<UUID> owners) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("uuid", owners.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }
}
