package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionContext;
import io.relata.metadata.condition.ConditionEvaluator;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.type.ValueType;
import io.relata.platform.query.ConditionSql;
import io.relata.platform.query.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The condition language's two back ends give the same answer: every operator and function on every
 * type, nulls, empty text and Nordic letters included, evaluated by PostgreSQL and in memory on
 * generated records, in two time zones, value for value (true, false and unknown told apart).
 */
class ConditionConformanceIT {

  private static final Instant NOW = Instant.parse("2026-03-31T21:30:00Z");
  private static final String[] LETTERS = {"a", "B", "å", "Ä", "ö", "Ø", "é", "İ", "ß", " ", "x"};
  private static final int RECORDS = 60;

  private static RecordsOnPostgres records;
  private static CompiledObject sample;
  private static UUID me;
  private static UUID other;
  private static List<Map<String, Object>> stored;

  @BeforeAll
  static void generate() throws Exception {
    records =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'sample','label':'Sample','nameField':'title','fields':["
                        + "{'name':'title','label':'T','type':'text'},"
                        + "{'name':'email','label':'E','type':'email'},"
                        + "{'name':'notes','label':'N','type':'long-text'},"
                        + "{'name':'amount','label':'A','type':'currency','precision':12,"
                        + "'scale':2,'currency':'EUR'},"
                        + "{'name':'qty','label':'Q','type':'number','precision':9,'scale':0},"
                        + "{'name':'pct','label':'P','type':'percent','precision':5,'scale':1},"
                        + "{'name':'flag','label':'F','type':'boolean'},"
                        + "{'name':'due','label':'D','type':'date'},"
                        + "{'name':'at','label':'At','type':'datetime'},"
                        + "{'name':'kind','label':'K','type':'picklist','values':["
                        + "{'name':'a','label':'A'},{'name':'b','label':'B'},{'name':'c','label':'C'}]},"
                        + "{'name':'tags','label':'Tg','type':'multi-picklist','values':["
                        + "{'name':'x','label':'X'},{'name':'y','label':'Y'},{'name':'z','label':'Z'}]},"
                        + "{'name':'ref','label':'R','type':'lookup','target':'sample'},"
                        + "{'name':'who','label':'W','type':'user'}],"
                        + "'pipeline':{'stages':["
                        + "{'name':'open','label':'O','probability':10,'category':'open'},"
                        + "{'name':'won','label':'W','probability':100,'category':'won'},"
                        + "{'name':'lost','label':'L','probability':0,'category':'lost'}]}}")),
            List.of(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    sample = new CompiledObjects(() -> records.model()).current().required("sample");
    me = records.user("me", "none").id();
    other = records.user("other", "none").id();
    insert(new Random(20261204));
    stored = read();
  }

  @AfterAll
  static void stop() throws Exception {
    records.close();
  }

  private static void insert(Random random) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection connection = records.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO records.\"sample\" (id, owner_id, created_at, created_by, updated_at,"
                    + " updated_by, stage, title, email, notes, amount, qty, pct, flag, due, at,"
                    + " kind, tags, ref, who) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?::text[], ?, ?)")) {
      for (int i = 0; i < RECORDS; i++) {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = NOW.atOffset(ZoneOffset.UTC).minusHours(random.nextInt(2000));
        int c = 1;
        insert.setObject(c++, id);
        insert.setObject(c++, random.nextBoolean() ? me : other);
        insert.setObject(c++, created);
        insert.setObject(c++, me);
        insert.setObject(c++, created);
        insert.setObject(c++, me);
        insert.setObject(c++, maybe(random, pick(random, "open", "won", "lost")));
        insert.setObject(c++, maybe(random, text(random)));
        insert.setObject(c++, maybe(random, text(random) + "@example.com"));
        insert.setObject(c++, maybe(random, text(random) + "\n" + text(random)));
        insert.setObject(c++, maybe(random, BigDecimal.valueOf(random.nextInt(10_001) - 5_000, 2)));
        insert.setObject(c++, maybe(random, BigDecimal.valueOf(random.nextInt(14) - 3)));
        insert.setObject(c++, maybe(random, BigDecimal.valueOf(random.nextInt(1001), 1)));
        insert.setObject(c++, maybe(random, random.nextBoolean()));
        insert.setObject(
            c++, maybe(random, LocalDate.of(2026, 3, 31).plusDays(random.nextInt(401) - 200)));
        insert.setObject(
            c++,
            maybe(
                random, NOW.atOffset(ZoneOffset.UTC).plusMinutes(random.nextInt(14_401) - 7_200)));
        insert.setObject(c++, maybe(random, pick(random, "a", "b", "c")));
        insert.setObject(c++, maybe(random, tags(random)));
        insert.setObject(
            c++, ids.isEmpty() ? null : maybe(random, ids.get(random.nextInt(ids.size()))));
        insert.setObject(c++, maybe(random, random.nextBoolean() ? me : other));
        insert.executeUpdate();
        ids.add(id);
      }
    }
  }

  /** The records as the write pipeline and formulas see them. */
  private static List<Map<String, Object>> read() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection connection = records.dataSource().getConnection();
        ResultSet result =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT " + sample.selectList() + " FROM " + sample.table() + " ORDER BY id")) {
      while (result.next()) {
        rows.add(RecordStore.row(result, sample));
      }
    }
    return rows;
  }

  private static Object maybe(Random random, Object value) {
    return random.nextInt(5) == 0 ? null : value;
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(7);
    for (int i = 0; i < length; i++) {
      text.append(pick(random, LETTERS));
    }
    return text.toString();
  }

  private static String tags(Random random) {
    List<String> tags = new ArrayList<>();
    for (String tag : List.of("x", "y", "z")) {
      if (random.nextBoolean()) {
        tags.add(tag);
      }
    }
    return "{" + String.join(",", tags) + "}";
  }

  /** Every operator and function on every type. */
  private static List<String> expressions() {
    String id = "00000000-0000-0000-0000-000000000000";
    return List.of(
        // text
        "title = \"a\"",
        "title != \"a\"",
        "title = \"\"",
        "title < \"a\"",
        "title <= \"å\"",
        "title > \"B\"",
        "title >= \"Ø\"",
        "title between \"B\" and \"ö\"",
        "title in (\"a\", \"x\", \"B\")",
        "title not in (\"a\", \"x\")",
        "title contains \"a\"",
        "title contains \"Å\"",
        "title contains \"İ\"",
        "title contains \"\"",
        "title starts with \"b\"",
        "title starts with \"ä\"",
        "title contains email",
        "email starts with title",
        "title is null",
        "title is not null",
        "title = email",
        "title != email",
        "title < email",
        "len(title)",
        "len(title) > 3",
        "lower(title)",
        "upper(title)",
        "upper(title) = \"SS\"",
        "trim(title)",
        "trim(title) = title",
        "is_blank(title)",
        "title + \"!\"",
        "title + email",
        "coalesce(title, email, \"none\")",
        "if(title contains \"a\", title, email)",
        "if(flag, 1, 2)",
        // long text, email
        "notes contains \"ö\"",
        "notes starts with \"x\"",
        "notes is null",
        "len(notes) >= 4",
        "email contains \"@\"",
        "email > \"B\"",
        // numbers
        "amount = 12.5",
        "amount != 0",
        "amount < 0",
        "amount <= -10.25",
        "amount > 20",
        "amount >= 0.01",
        "amount between -10 and 10",
        "qty in (0, 1, 2)",
        "qty not in (0)",
        "pct is null",
        "amount + qty",
        "amount - pct",
        "amount * qty",
        "amount / qty",
        "amount / qty > 1",
        "pct / 3",
        "-amount",
        "-amount < qty",
        "abs(amount) > 25",
        "round(amount / 7, 2)",
        "round(pct, 0) = pct",
        "amount + qty * pct > 100",
        "(amount + qty) * 2 = amount * 2 + qty * 2",
        "coalesce(amount, qty, 0)",
        "if(qty > 0, amount, -amount)",
        "amount = qty",
        "amount != qty",
        "qty / 0 is null",
        // booleans and logic
        "flag",
        "flag = true",
        "flag != false",
        "not flag",
        "flag and amount > 0",
        "flag or amount > 0",
        "flag implies amount > 0",
        "not (flag or qty > 2)",
        "flag in (true)",
        "flag is null",
        "flag = (amount > 0)",
        "(amount > 0) and (qty > 0) or (pct > 50)",
        // dates
        "due = 2026-03-31",
        "due != 2026-04-01",
        "due < 2026-01-01",
        "due >= \"2026-06-30\"",
        "due between 2026-01-01 and 2026-04-01",
        "due in (2026-03-31, 2026-04-01)",
        "due = today",
        "due = yesterday",
        "due = tomorrow",
        "due = this_week",
        "due != this_month",
        "due < this_quarter",
        "due <= last_quarter",
        "due > next_month",
        "due >= this_year",
        "due = last_n_days:30",
        "due = next_n_days:60",
        "due between last_month and next_month",
        "due = today()",
        "due > today()",
        "due + 5",
        "due - 5",
        "due + 2.7 > today()",
        "due - -3.2",
        "due - 2026-01-01",
        "due - today() > 10",
        "year(due)",
        "month(due) > 6",
        "day(due) < 15",
        "due is null",
        "due = at",
        "due < at",
        "at >= due",
        "coalesce(due, today())",
        // instants
        "at = 2026-04-01",
        "at = 2026-03-31",
        "at != 2026-03-31",
        "at < 2026-03-31",
        "at <= 2026-03-31",
        "at > 2026-03-31",
        "at >= 2026-03-31",
        "at < 2026-03-31T12:00:00Z",
        "at >= \"2026-04-01T00:00:00+03:00\"",
        "at = today",
        "at = yesterday",
        "at >= this_week",
        "at < last_n_days:2",
        "at = this_month",
        "at > now()",
        "at <= now()",
        "at between 2026-03-30 and 2026-04-02",
        "year(at)",
        "month(at)",
        "day(at)",
        "day(at) = 1",
        "at is not null",
        "created_at < at",
        "created_at = this_month",
        "if(flag, at, created_at)",
        // picklists and stages
        "kind = \"a\"",
        "kind != \"b\"",
        "kind in (\"a\", \"c\")",
        "kind not in (\"a\")",
        "kind is null",
        "kind = stage",
        "stage = \"won\"",
        "stage != \"open\"",
        "stage in (\"won\", \"lost\")",
        "stage not in (\"open\")",
        "stage is null",
        "coalesce(kind, stage)",
        // multi-picklists
        "tags contains \"x\"",
        "tags in (\"x\", \"z\")",
        "tags not in (\"y\")",
        "not (tags contains \"z\")",
        "tags is null",
        "is_blank(tags)",
        // references and users
        "ref = \"" + id + "\"",
        "ref != \"" + id + "\"",
        "ref is null",
        "ref = id",
        "ref != id",
        "who = me",
        "who != me",
        "owner_id = me",
        "owner_id != who",
        "who in (\"" + id + "\")",
        "who is not null and owner_id = who",
        "id is not null");
  }

  @Test
  void bothBackEndsGiveTheSameAnswerOnEveryCase() throws Exception {
    int cases = 0;
    List<String> disagreements = new ArrayList<>();
    for (ZoneId zone : List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles"))) {
      ConditionContext context =
          new ConditionContext(NOW.atOffset(ZoneOffset.UTC), zone, Optional.of(me));
      for (String expression : expressions()) {
        Typed typed;
        try {
          typed = ConditionChecker.check(expression, sample.definition(), Scope.WRITE).typed();
        } catch (io.relata.metadata.condition.ConditionException e) {
          throw new AssertionError(expression + ": " + e.problem(""), e);
        }
        Map<UUID, Object> inSql = sql(typed, context);
        assertEquals(RECORDS, inSql.size());
        for (Map<String, Object> record : stored) {
          Object inMemory = ConditionEvaluator.evaluate(typed, record, Optional.empty(), context);
          Object fromSql = inSql.get((UUID) record.get("id"));
          cases++;
          if (!same(inMemory, fromSql)) {
            disagreements.add(
                zone
                    + " "
                    + expression
                    + " on "
                    + record
                    + ": memory "
                    + inMemory
                    + ", SQL "
                    + fromSql);
          }
        }
      }
    }
    assertTrue(cases >= 2_000, "cases: " + cases);
    assertEquals(
        List.of(),
        disagreements.subList(0, Math.min(20, disagreements.size())),
        disagreements.size() + " of " + cases + " cases disagree");
  }

  /** The value of {@code typed} for every record, as PostgreSQL computes it. */
  private static Map<UUID, Object> sql(Typed typed, ConditionContext context) throws Exception {
    Sql compiled = ConditionSql.compile(typed, context);
    Map<UUID, Object> values = new LinkedHashMap<>();
    try (Connection connection = records.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, " + compiled.text() + " FROM " + sample.table())) {
      for (int i = 0; i < compiled.binds().size(); i++) {
        select.setObject(i + 1, compiled.binds().get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values.put(rows.getObject(1, UUID.class), value(rows, typed.type()));
        }
      }
    }
    return values;
  }

  private static Object value(ResultSet rows, ValueType type) throws Exception {
    Object value =
        switch (type) {
          case DATE -> rows.getObject(2, LocalDate.class);
          case DATETIME -> rows.getObject(2, OffsetDateTime.class);
          case NUMBER -> rows.getBigDecimal(2);
          case ID -> rows.getObject(2, UUID.class);
          default -> rows.getObject(2);
        };
    return rows.wasNull() ? null : value;
  }

  private static boolean same(Object memory, Object sql) {
    if (memory == null || sql == null) {
      return memory == sql;
    }
    if (memory instanceof BigDecimal a && sql instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (memory instanceof OffsetDateTime a && sql instanceof OffsetDateTime b) {
      return a.isEqual(b);
    }
    return Objects.equals(memory, sql);
  }
}
