package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.BenchReport;
import io.relata.testing.Browser;
import io.relata.testing.RelataProcess;
import io.relata.testing.SignInPage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens as a user meets them, on 1,000,000 records: {@code relata.jar} started as the README
 * starts it (embedded PostgreSQL, fsync on), Chromium in its own process, times to rendered content
 * taken in the browser (from the start of the page's navigation, or of the jump, to the frame after
 * the content is in the page), and beside each the platform's own time for the same data over its
 * REST API (and, for the jump, the SQL of the bounded strategy), from this process. Then the
 * server's heap per signed-in screen session with a list and a record open, over 50 sessions (each
 * on a host name of its own, 127.0.0.2 to .51, so that each has its cookie).
 *
 * <p>{@code ./mvnw -B -pl ui -am verify -Pbench -Dit.test=ScreensBench
 * -Dfailsafe.failIfNoSpecifiedTests=false}; figures in {@code ui/target/bench/screens.txt}.
 */
class ScreensBench {

  private static final String ADMIN_PASSWORD = "Bench-admin-1";
  private static final String SELLER_PASSWORD = "Bench-seller-1";
  private static final int RECORDS = 1_000_000;
  private static final int BOARD_RECORDS = 100_000;
  private static final int WARM_UP = 10;
  private static final int ROUNDS = 20;
  private static final int SESSIONS = 50;
  private static final int JUMP = 500_000;
  private static final String[] STAGES = {"lead", "qualify", "propose", "negotiate", "won", "lost"};

  private static RelataProcess server;
  private static ApiClient admin;
  private static ApiClient seller;
  private static String dbUrl;
  private static String recordId;

  @BeforeAll
  static void startRelataWithAMillionRecords() throws Exception {
    Path dataDir = Path.of(System.getProperty("relata.test.work"), "screens-bench");
    RelataProcess.deleteTree(dataDir);
    server = RelataProcess.start(dataDir, Map.of("RELATA_ADMIN_PASSWORD", ADMIN_PASSWORD));
    assertTrue(server.awaitReady(Duration.ofMinutes(4)), server::output);
    Matcher port =
        Pattern.compile("embedded PostgreSQL on localhost:(\\d+)").matcher(server.output());
    assertTrue(port.find(), server.output());
    dbUrl = "jdbc:postgresql://localhost:" + port.group(1) + "/postgres";
    admin = ApiClient.signIn(server.uri("/").toURL(), "admin", ADMIN_PASSWORD).privileged();
    define();
    String sara =
        id(
            admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"sara\",\"password\":\""
                    + SELLER_PASSWORD
                    + "\",\"displayName\":\"Sara Lind\",\"permissionSets\":[\"bench_sales\"]}"));
    seller = ApiClient.signIn(server.uri("/").toURL(), "sara", SELLER_PASSWORD).privileged();
    load(sara);
    timeline();
  }

  @AfterAll
  static void stopRelata() {
    if (server != null) {
      server.close();
    }
  }

  /** A deal of 30 fields and a six-stage pipeline, three objects related to it, a board object. */
  private static void define() throws Exception {
    StringBuilder fields = new StringBuilder();
    List<String> names = new ArrayList<>();
    field(fields, names, "title", "Title", "\"type\":\"text\",\"required\":true");
    field(
        fields,
        names,
        "amount",
        "Amount",
        "\"type\":\"currency\",\"precision\":14,\"scale\":2,\"currency\":\"EUR\",\"trackHistory\":true");
    field(fields, names, "close_date", "Close date", "\"type\":\"date\"");
    for (String picklist : List.of("priority", "region", "source", "segment", "industry")) {
      field(
          fields,
          names,
          picklist,
          picklist.substring(0, 1).toUpperCase(Locale.ROOT) + picklist.substring(1),
          "\"type\":\"picklist\",\"values\":["
              + "{\"name\":\"a\",\"label\":\"Alpha\",\"colour\":\"#1a73e8\"},"
              + "{\"name\":\"b\",\"label\":\"Beta\",\"colour\":\"#12a37f\"},"
              + "{\"name\":\"c\",\"label\":\"Gamma\",\"colour\":\"#f29d38\"}]");
    }
    for (String number : List.of("quantity", "employees", "score", "contract_term")) {
      field(
          fields,
          names,
          number,
          number.replace('_', ' '),
          "\"type\":\"number\",\"precision\":12,\"scale\":0");
    }
    field(
        fields, names, "discount", "Discount", "\"type\":\"percent\",\"precision\":5,\"scale\":2");
    field(fields, names, "share", "Share", "\"type\":\"percent\",\"precision\":5,\"scale\":2");
    field(
        fields,
        names,
        "revenue",
        "Revenue",
        "\"type\":\"currency\",\"precision\":14,\"scale\":2,\"currency\":\"EUR\"");
    for (String text : List.of("next_step", "competitor", "reference", "campaign", "partner")) {
      field(fields, names, text, text.replace('_', ' '), "\"type\":\"text\"");
    }
    field(fields, names, "description", "Description", "\"type\":\"long-text\"");
    field(fields, names, "notes", "Notes", "\"type\":\"long-text\"");
    field(fields, names, "website", "Website", "\"type\":\"url\"");
    field(fields, names, "email", "Email", "\"type\":\"email\"");
    field(fields, names, "phone", "Phone", "\"type\":\"phone\"");
    field(fields, names, "strategic", "Strategic", "\"type\":\"boolean\"");
    field(fields, names, "renewal", "Renewal", "\"type\":\"boolean\"");
    field(fields, names, "start_date", "Start date", "\"type\":\"date\"");
    field(fields, names, "end_date", "End date", "\"type\":\"date\"");
    field(fields, names, "last_contact", "Last contact", "\"type\":\"datetime\"");
    assertEquals(30, names.size(), "the record page shows 30 fields");
    StringBuilder stages = new StringBuilder();
    int[] probabilities = {10, 30, 50, 80, 100, 0};
    for (int i = 0; i < STAGES.length; i++) {
      stages
          .append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(STAGES[i])
          .append("\",\"label\":\"")
          .append(STAGES[i].substring(0, 1).toUpperCase(Locale.ROOT))
          .append(STAGES[i].substring(1))
          .append("\",\"probability\":")
          .append(probabilities[i])
          .append(",\"category\":\"")
          .append(i == 4 ? "won" : i == 5 ? "lost" : "open")
          .append("\"}");
    }
    String pipeline = "\"pipeline\":{\"stages\":[" + stages + "]}";
    // the deal first without its layout, whose related lists name objects that refer to it
    ok(admin.send("PUT", "api/v1/metadata/objects/bench_deal", deal(fields, pipeline, "")));
    for (String child : List.of("bench_line", "bench_contact", "bench_case")) {
      ok(
          admin.send(
              "PUT",
              "api/v1/metadata/objects/" + child,
              "{\"label\":\""
                  + child
                  + "\",\"nameField\":\"name\",\"recordAccess\":\"read\",\"fields\":["
                  + "{\"name\":\"name\",\"label\":\"Name\",\"type\":\"text\"},"
                  + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"currency\",\"precision\":14,"
                  + "\"scale\":2,\"currency\":\"EUR\"},"
                  + "{\"name\":\"deal\",\"label\":\"Deal\",\"type\":\"lookup\",\"target\":\"bench_deal\"}]}"));
    }
    // the layout: every field in three sections, the three related lists
    String layout =
        "\"layouts\":[{\"name\":\"standard\",\"label\":\"Deal\",\"sections\":["
            + section("Deal", names.subList(0, 10), 2)
            + ","
            + section("Details", names.subList(10, 22), 2)
            + ","
            + section("More", names.subList(22, 30), 2)
            + "],\"relatedLists\":["
            + "{\"object\":\"bench_line\",\"relation\":\"deal\",\"columns\":[\"name\",\"amount\"]},"
            + "{\"object\":\"bench_contact\",\"relation\":\"deal\",\"columns\":[\"name\",\"amount\"]},"
            + "{\"object\":\"bench_case\",\"relation\":\"deal\",\"columns\":[\"name\",\"amount\"]}]}]";
    ok(
        admin.send(
            "PUT", "api/v1/metadata/objects/bench_deal", deal(fields, pipeline, "," + layout)));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/bench_board",
            "{\"label\":\"Board deal\",\"pluralLabel\":\"Board deals\",\"nameField\":\"title\","
                + "\"recordAccess\":\"read\",\"fields\":["
                + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"currency\",\"precision\":14,"
                + "\"scale\":2,\"currency\":\"EUR\"},"
                + "{\"name\":\"close_date\",\"label\":\"Close date\",\"type\":\"date\"}],"
                + pipeline
                + "}"));
    StringBuilder rights = new StringBuilder();
    for (String object :
        List.of(
            "bench_deal", "bench_line", "bench_contact", "bench_case", "bench_board", "activity")) {
      rights
          .append(rights.length() == 0 ? "" : ",")
          .append("\"")
          .append(object)
          .append("\":{\"read\":true,\"create\":true,\"edit\":true,\"delete\":true}");
    }
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/bench_sales",
            "{\"label\":\"Bench sales\",\"objects\":{" + rights + "}}"));
  }

  private static String deal(CharSequence fields, String pipeline, String rest) {
    return "{\"label\":\"Bench deal\",\"pluralLabel\":\"Bench deals\",\"nameField\":\"title\","
        + "\"recordAccess\":\"read\",\"fields\":["
        + fields
        + "],"
        + pipeline
        + rest
        + "}";
  }

  private static void field(
      StringBuilder fields, List<String> names, String name, String label, String rest) {
    fields
        .append(fields.length() == 0 ? "" : ",")
        .append("{\"name\":\"")
        .append(name)
        .append("\",\"label\":\"")
        .append(label)
        .append("\",")
        .append(rest)
        .append("}");
    names.add(name);
  }

  private static String section(String label, List<String> fields, int columns) {
    return "{\"label\":\""
        + label
        + "\",\"columns\":"
        + columns
        + ",\"fields\":[\""
        + String.join("\",\"", fields)
        + "\"]}";
  }

  /**
   * The records, written by SQL as a migration would (the platform's own write path is measured by
   * the import and create benchmarks): a million deals, newest first in the order of their titles,
   * a tenth of them with a record of each related object; a hundred thousand on the board.
   */
  private static void load(String owner) throws Exception {
    try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "postgres");
        Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO records.bench_deal (id, owner_id, created_at, created_by, updated_at,"
              + " updated_by, version, stage, title, amount, close_date, priority, region, source,"
              + " segment, industry, quantity, employees, score, contract_term, discount, share,"
              + " revenue, next_step, competitor, reference, campaign, partner, description, notes,"
              + " website, email, phone, strategic, renewal, start_date, end_date, last_contact)"
              + " SELECT gen_random_uuid(), '"
              + owner
              + "', t, '"
              + owner
              + "', t, '"
              + owner
              + "', 1,"
              + " (ARRAY['lead','qualify','propose','negotiate','won','lost'])[1 + g % 6],"
              + " 'Deal ' || lpad(g::text, 7, '0'), round((random() * 100000)::numeric, 2),"
              + " date '2027-01-01' + (g % 365), (ARRAY['a','b','c'])[1 + g % 3],"
              + " (ARRAY['a','b','c'])[1 + g % 3], 'a', 'b', 'c', g % 100, g % 5000, g % 100,"
              + " 12, 5.5, 10, 250000, 'Call the buyer', 'Rival Oy', 'R-' || g, 'Spring', 'Partner AB',"
              + " 'A deal of the benchmark, number ' || g, 'Notes on the deal',"
              + " 'https://example.com', 'buyer@example.com', '+358 40 123 4567', g % 2 = 0, false,"
              + " date '2026-01-01', date '2027-12-31', t"
              + " FROM generate_series(1, "
              + RECORDS
              + ") g,"
              + " LATERAL (SELECT timestamptz '2026-11-01 00:00:00+00' - g * interval '1 second' AS t) c");
      for (String child : List.of("bench_line", "bench_contact", "bench_case")) {
        sql.execute(
            "INSERT INTO records."
                + child
                + " (id, owner_id, created_at, created_by, updated_at,"
                + " updated_by, version, name, amount, deal)"
                + " SELECT gen_random_uuid(), d.owner_id, d.created_at, d.owner_id, d.created_at,"
                + " d.owner_id, 1, d.title || ' / "
                + child
                + "', 100, d.id"
                + " FROM records.bench_deal d WHERE d.title LIKE '%0'");
      }
      sql.execute(
          "INSERT INTO records.bench_board (id, owner_id, created_at, created_by, updated_at,"
              + " updated_by, version, stage, title, amount, close_date)"
              + " SELECT gen_random_uuid(), '"
              + owner
              + "', t, '"
              + owner
              + "', t, '"
              + owner
              + "', 1,"
              + " (ARRAY['lead','qualify','propose','negotiate','won','lost'])[1 + g % 6],"
              + " 'Board deal ' || g, round((random() * 100000)::numeric, 2), date '2027-01-01' + (g % 365)"
              + " FROM generate_series(1, "
              + BOARD_RECORDS
              + ") g,"
              + " LATERAL (SELECT timestamptz '2026-11-01 00:00:00+00' - g * interval '1 second' AS t) c");
      try (ResultSet first =
          sql.executeQuery("SELECT id FROM records.bench_deal WHERE title = 'Deal 0000001'")) {
        first.next();
        recordId = first.getString(1);
      }
      // the record of the page has twelve of each related record
      for (String child : List.of("bench_line", "bench_contact", "bench_case")) {
        sql.execute(
            "INSERT INTO records."
                + child
                + " (id, owner_id, created_at, created_by, updated_at,"
                + " updated_by, version, name, amount, deal)"
                + " SELECT gen_random_uuid(), '"
                + owner
                + "', now(), '"
                + owner
                + "', now(), '"
                + owner
                + "', 1, 'Item ' || g, 100 * g, '"
                + recordId
                + "'"
                + " FROM generate_series(1, 12) g");
      }
      for (String table :
          List.of("bench_deal", "bench_line", "bench_contact", "bench_case", "bench_board")) {
        sql.execute("VACUUM ANALYZE records." + table);
      }
    }
  }

  /**
   * 200 entries on the record's timeline, written as users write them: 100 changes, 100 activities.
   */
  private static void timeline() throws Exception {
    for (int i = 1; i <= 100; i++) {
      ok(
          seller.send(
              "PATCH", "api/v1/records/bench_deal/" + recordId, "{\"amount\":" + (1000 + i) + "}"));
      ok(
          seller.send(
              "POST",
              "api/v1/records/activity",
              "{\"kind\":\""
                  + (i % 2 == 0 ? "call" : "note")
                  + "\",\"subject\":\"Follow-up "
                  + i
                  + "\",\"about\":{\"object\":\"bench_deal\",\"id\":\""
                  + recordId
                  + "\"}}"));
    }
    HttpResponse<String> timeline =
        seller.send("GET", "api/v1/records/bench_deal/" + recordId + "/timeline?limit=200", null);
    ok(timeline);
    assertTrue(ApiClient.json(timeline).getJsonArray("items").size() >= 200, timeline.body());
  }

  @Test
  void screensOnAMillionRecords() throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(
        "relata.jar as the README starts it (embedded PostgreSQL, fsync on); Chromium headless in its\n"
            + "own process; 1,000,000 deals of 30 fields; times to rendered content in the browser, from\n"
            + "the start of the navigation (or the jump) to the frame after the content is in the page;\n"
            + "beside them, the same data from the REST API by this process (keep-alive); "
            + WARM_UP
            + " warm-up rounds, then "
            + ROUNDS
            + "; ms\n\n");
    report.append(heap());
    report.append(screens());
    BenchReport.write("screens", report.toString());
    System.out.println(report);
  }

  /** Heap per session: 50 sessions, each with a list in one tab and a record in another. */
  private String heap() throws Exception {
    ChromeDriver browser = Browser.open();
    try {
      session(browser, "127.0.0.1");
      long one = liveHeap();
      for (int i = 2; i < 2 + SESSIONS; i++) {
        session(browser, "127.0.0." + i);
      }
      long all = liveHeap();
      double perSession = (all - one) / (double) SESSIONS;
      return String.format(
          Locale.ROOT,
          "server heap (live objects after a full GC, jmap -histo:live): one session %.1f MB, %d more"
              + " sessions %.1f MB, per session with a list and a record open %.2f MB (target 2 MB)%n%n",
          one / 1e6,
          SESSIONS,
          all / 1e6,
          perSession / 1e6);
    } finally {
      browser.quit();
    }
  }

  /** Signs in on {@code host}, opens the list in this tab and the record in a new one. */
  private void session(ChromeDriver browser, String host) {
    String base = "http://" + host + ":" + server.port();
    if (browser.getWindowHandles().size() > 1 || !browser.getCurrentUrl().startsWith("data:")) {
      browser.switchTo().newWindow(WindowType.TAB);
    }
    browser.get(base + "/");
    SignInPage page = new SignInPage(browser);
    page.signIn("sara", SELLER_PASSWORD);
    page.awaitHome();
    browser.get(base + "/o/bench_deal");
    await(browser).until(d -> seen(d, "#records-grid vaadin-grid-cell-content", "Deal 0000001"));
    browser.switchTo().newWindow(WindowType.TAB);
    browser.get(base + "/o/bench_deal/" + recordId);
    await(browser)
        .until(
            d ->
                !d.findElements(org.openqa.selenium.By.cssSelector(".relata-timeline-item"))
                    .isEmpty());
  }

  private static boolean seen(org.openqa.selenium.WebDriver d, String css, String text) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) d)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])]"
                    + ".some(e => e.textContent.includes(arguments[1]))",
                css,
                text));
  }

  /** The server JVM's live heap in bytes, after the full GC {@code -histo:live} makes. */
  private static long liveHeap() throws Exception {
    long pid = serverJvm();
    Path jmap = Path.of(System.getProperty("java.home"), "bin", "jmap");
    Process histogram =
        new ProcessBuilder(jmap.toString(), "-histo:live", Long.toString(pid)).start();
    String out =
        new String(
            histogram.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, histogram.waitFor(), out);
    Matcher total = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(out);
    assertTrue(total.find(), out);
    return Long.parseLong(total.group(1));
  }

  private static long serverJvm() {
    return RelataProcess.processesMentioning("--port " + server.port()).stream()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .filter(p -> p.info().commandLine().map(c -> c.contains("payara")).orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no Payara Micro JVM on port " + server.port()));
  }

  /** The four screens, timed in the browser, each beside the API's time for its data. */
  private String screens() throws Exception {
    ChromeDriver browser = Browser.open();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    try {
      String base = server.uri("/").toString();
      browser.get(base);
      SignInPage page = new SignInPage(browser);
      page.signIn("sara", SELLER_PASSWORD);
      page.awaitHome();
      String list = "/o/bench_deal";
      String record = "/o/bench_deal/" + recordId;
      String board = "/o/bench_board/board";
      String listReady =
          cells("Deal 0000001")
              + " && document.getElementById('list-count')"
              + " && document.getElementById('list-count').textContent.length > 0";
      String boardReady =
          "document.querySelectorAll('.relata-board-column').length === 6"
              + " && [...document.querySelectorAll('.relata-board-column')]"
              + ".every(c => c.querySelector('.relata-board-card'))";
      String recordReady =
          "document.querySelector(\"[data-field='last_contact']\")"
              + " && document.querySelectorAll('.relata-related-list').length === 3"
              + " && [...document.querySelectorAll('.relata-related-list')]"
              + ".every(l => l.textContent.includes('Item'))"
              + " && document.querySelectorAll('.relata-timeline-item').length >= 10";
      String shell = "/search";
      String shellReady =
          "document.getElementById('search-title')"
              + " && document.querySelector('vaadin-side-nav-item[data-object]')";
      Samples shellTimes = new Samples();
      Split shellSplit = new Split();
      Samples listTimes = new Samples();
      Samples jumpTimes = new Samples();
      Samples boardTimes = new Samples();
      Samples recordTimes = new Samples();
      Split listSplit = new Split();
      Split boardSplit = new Split();
      Split recordSplit = new Split();
      for (int round = 0; round < WARM_UP + ROUNDS; round++) {
        boolean counted = round >= WARM_UP;
        double empty = load(browser, base + shell.substring(1), shellReady);
        Parts shellParts = Parts.of(browser, empty);
        double listed = load(browser, base + list.substring(1), listReady);
        Parts listParts = Parts.of(browser, listed);
        int row = JUMP + round * 997;
        double jumped = jump(browser, row);
        double boarded = load(browser, base + board.substring(1), boardReady);
        Parts boardParts = Parts.of(browser, boarded);
        double recorded = load(browser, base + record.substring(1), recordReady);
        Parts recordParts = Parts.of(browser, recorded);
        if (counted) {
          shellTimes.add(empty);
          shellSplit.add(shellParts);
          listTimes.add(listed);
          jumpTimes.add(jumped);
          boardTimes.add(boarded);
          recordTimes.add(recorded);
          listSplit.add(listParts);
          boardSplit.add(boardParts);
          recordSplit.add(recordParts);
        }
      }
      io.relata.testing.Screenshots.save(browser, "bench-record");
      load(browser, base + board.substring(1), boardReady);
      io.relata.testing.Screenshots.save(browser, "bench-board");
      load(browser, base + list.substring(1), listReady);
      jump(browser, JUMP);
      io.relata.testing.Screenshots.save(browser, "bench-list-jump");

      String api = "api/v1/records/";
      Samples apiList = api(() -> get(api + "bench_deal"));
      Samples sqlJump =
          sql(
              "SELECT * FROM records.bench_deal WHERE deleted_at IS NULL"
                  + " ORDER BY created_at DESC, id DESC OFFSET "
                  + JUMP
                  + " LIMIT 50");
      Samples apiBoard =
          api(
              () -> {
                long total =
                    get(api + "bench_board/aggregate?groupBy=stage&metrics=count,sum:amount");
                for (String stage : STAGES) {
                  total +=
                      get(
                          api
                              + "bench_board?sort=-updated_at&limit=20&filter="
                              + java.net.URLEncoder.encode(
                                  "stage = \"" + stage + "\"",
                                  java.nio.charset.StandardCharsets.UTF_8));
                }
                return total;
              });
      Samples apiRecord =
          api(
              () ->
                  get(api + "bench_deal/" + recordId)
                      + get(api + "bench_deal/" + recordId + "/timeline")
                      + get(api + "bench_deal/" + recordId + "/related/bench_line")
                      + get(api + "bench_deal/" + recordId + "/related/bench_contact")
                      + get(api + "bench_deal/" + recordId + "/related/bench_case"));
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "baseline: the shell around an empty screen (/search without words), the framework's"
                  + " and the drawer's own cost%n  browser p50 %.0f p95 %.0f (n=%d)%n",
              shellTimes.percentile(50),
              shellTimes.percentile(95),
              shellTimes.size()));
      out.append(shellSplit.line());
      out.append(
          line(
              "first list page, 1,000,000 records (default sort, count)",
              listTimes,
              shellTimes,
              "GET /records/bench_deal (defaults: 50 rows and the total)",
              apiList));
      out.append(listSplit.line());
      out.append(
          line(
              "jump to row 500,000 (scrollToIndex, cold: a fresh page each round)",
              jumpTimes,
              null,
              "SQL of the bounded strategy: ORDER BY created_at DESC, id DESC OFFSET 500000 LIMIT 50",
              sqlJump));
      out.append(
          line(
              "board of 100,000 records in 6 stages",
              boardTimes,
              shellTimes,
              "GET aggregate by stage (count, sum) + 6 lanes' first 20 cards",
              apiBoard));
      out.append(boardSplit.line());
      out.append(
          line(
              "record page: 30 fields, 3 related lists, 200 timeline entries",
              recordTimes,
              shellTimes,
              "GET record + timeline + 3 related lists",
              apiRecord));
      out.append(recordSplit.line());
      return out.toString();
    } finally {
      browser.quit();
    }
  }

  private static String cells(String text) {
    return "[...document.querySelectorAll('#records-grid vaadin-grid-cell-content')]"
        + ".some(c => c.textContent.includes('"
        + text
        + "'))";
  }

  /**
   * Loads {@code url} and answers the time from the start of its navigation to the frame after
   * {@code ready} first held, watched by a script that Chromium runs before the page's own.
   */
  private static double load(ChromeDriver browser, String url, String ready) {
    Map<String, Object> added =
        browser.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                "(() => { const ready = () => { try { return !!("
                    + ready
                    + "); } catch (e) {"
                    + " return false; } };"
                    + " const seen = () => { if (window.relataPainted !== undefined"
                    + " || window.relataSeen !== undefined || !ready()) return;"
                    + " window.relataSeen = performance.now(); observer.disconnect();"
                    + " requestAnimationFrame(() => requestAnimationFrame(() =>"
                    + " { window.relataPainted = performance.now(); })); };"
                    + " const observer = new MutationObserver(seen);"
                    + " observer.observe(document, {childList: true, subtree: true,"
                    + " characterData: true}); })();"));
    try {
      browser.get(url);
      Object painted =
          await(browser)
              .until(d -> ((JavascriptExecutor) d).executeScript("return window.relataPainted"));
      return ((Number) painted).doubleValue();
    } finally {
      browser.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument",
          Map.of("identifier", added.get("identifier")));
    }
  }

  /** Scrolls the loaded list to {@code row} and answers the time to the frame after it shows. */
  private static double jump(ChromeDriver browser, int row) {
    String name = String.format(Locale.ROOT, "Deal %07d", row + 1);
    Object took =
        browser.executeAsyncScript(
            "const row = arguments[0], name = arguments[1], done = arguments[2];"
                + "const grid = document.getElementById('records-grid');"
                + "const shown = () => [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                + "  .some(c => c.textContent.includes(name));"
                + "const start = performance.now();"
                + "const observer = new MutationObserver(() => { if (!shown()) return;"
                + "  observer.disconnect();"
                + "  requestAnimationFrame(() => requestAnimationFrame(() =>"
                + "    done(performance.now() - start))); });"
                + "observer.observe(grid, {childList: true, subtree: true, characterData: true});"
                + "grid.scrollToIndex(row);",
            row,
            name);
    return ((Number) took).doubleValue();
  }

  private static WebDriverWait await(org.openqa.selenium.WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(20));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  /** One request's time in nanoseconds; it must answer 200. */
  private static long get(String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer = seller.send("GET", path, null);
    long took = System.nanoTime() - start;
    assertEquals(200, answer.statusCode(), path + " -> " + answer.body());
    return took;
  }

  private interface Timed {
    long nanos() throws Exception;
  }

  private static Samples api(Timed request) throws Exception {
    for (int i = 0; i < 1000; i++) {
      request.nanos(); // the JIT's warm-up, as MEASURING.md asks: a thousand requests or more
    }
    Samples samples = new Samples();
    for (int i = 0; i < 100; i++) {
      samples.add(request.nanos() / 1e6);
    }
    return samples;
  }

  private static Samples sql(String query) throws Exception {
    Samples samples = new Samples();
    try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "postgres");
        Statement statement = db.createStatement()) {
      for (int i = 0; i < WARM_UP + ROUNDS; i++) {
        long start = System.nanoTime();
        try (ResultSet rows = statement.executeQuery(query)) {
          int n = 0;
          while (rows.next()) {
            n++;
          }
          assertEquals(50, n);
        }
        if (i >= WARM_UP) {
          samples.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    return samples;
  }

  private static String line(
      String screen, Samples browser, Samples shell, String what, Samples beside) {
    return String.format(
        Locale.ROOT,
        "%s%n  browser p50 %.0f p95 %.0f (n=%d, %s%s)%n  %s: p50 %.1f p95 %.1f (n=%d)%n",
        screen,
        browser.percentile(50),
        browser.percentile(95),
        browser.size(),
        browser.percentile(95) < 1000 ? "under 1 s" : "NOT under 1 s",
        shell == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; p50 %.2f× the empty shell's",
                browser.percentile(50) / shell.percentile(50)),
        what,
        beside.percentile(50),
        beside.percentile(95),
        beside.size());
  }

  /**
   * Where a page load's time went, from the browser's own timings: the server's time to the first
   * byte of the page and of Vaadin's requests until the screen showed, and the rest (the network
   * transfer, and the browser's scripts, layout and paint).
   */
  private record Parts(double page, double requests, double browser) {
    static Parts of(ChromeDriver browser, double total) {
      @SuppressWarnings("unchecked")
      List<Number> timed =
          (List<Number>)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "const nav = performance.getEntriesByType('navigation')[0];"
                          + "const seen = window.relataSeen;"
                          + "const vaadin = performance.getEntriesByType('resource')"
                          + ".filter(r => r.name.includes('v-r=') && r.responseEnd <= seen)"
                          + ".reduce((sum, r) => sum + (r.responseStart - r.requestStart), 0);"
                          + "return [nav.responseStart - nav.requestStart, vaadin];");
      double page = timed.get(0).doubleValue();
      double requests = timed.get(1).doubleValue();
      return new Parts(page, requests, total - page - requests);
    }
  }

  /** The parts of many loads, reported at their medians. */
  private static final class Split {
    private final Samples page = new Samples();
    private final Samples requests = new Samples();
    private final Samples browser = new Samples();

    void add(Parts parts) {
      page.add(parts.page());
      requests.add(parts.requests());
      browser.add(parts.browser());
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "  where the time went, p50: page's first byte %.0f, Vaadin requests' first bytes %.0f,"
              + " the rest (transfer, scripts, layout, paint) %.0f%n",
          page.percentile(50),
          requests.percentile(50),
          browser.percentile(50));
    }
  }

  /** Times in milliseconds. */
  private static final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double value) {
      values.add(value);
    }

    int size() {
      return values.size();
    }

    double percentile(int percent) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(Double::compare);
      return sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
    }
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }

  private static String id(HttpResponse<String> answer) {
    ok(answer);
    return ApiClient.json(answer).getString("id");
  }
}
